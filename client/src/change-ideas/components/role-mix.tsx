import type { Role } from '@commons/shared';
import { useTranslation } from 'react-i18next';

/**
 * The mix of roles taking part, in words ("1 patient partner, 2 clinicians"), and the flag when
 * no patient or family voice has joined yet.
 */
export function RoleMix({
  participation,
  noPatientOrFamilyVoice,
  label,
}: {
  participation: readonly { role: Role; count: number }[];
  noPatientOrFamilyVoice: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const present = participation.filter((entry) => entry.count > 0);
  return (
    <div className="role-mix">
      <p className="role-mix__roles">
        <span className="role-mix__label">{label ?? t('ideas.roleMix.label')}</span>{' '}
        {present.length === 0
          ? t('ideas.roleMix.nobody')
          : present.map((entry) => t(`ideas.roleCount.${entry.role}`, { count: entry.count })).join(', ')}
      </p>
      {noPatientOrFamilyVoice && <VoiceFlag />}
    </div>
  );
}

/** Says plainly that no patient partner or family member co-designs the idea yet. */
export function VoiceFlag() {
  const { t } = useTranslation();
  return (
    <p className="voice-flag">
      <span className="voice-flag__icon" aria-hidden="true">
        !
      </span>
      {t('ideas.noVoice')}
    </p>
  );
}

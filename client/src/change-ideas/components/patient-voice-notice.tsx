import type { ChangeIdeaStatus } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import type { DecisionFieldsFragment } from '../../gql/graphql';

/**
 * Said on the idea while it stands where a decision taken without a patient or family voice put
 * it: that no patient or family member took part, and the reason recorded for going ahead.
 */
export function PatientVoiceNotice({
  decisions,
  status,
}: {
  decisions: readonly DecisionFieldsFragment[];
  status: ChangeIdeaStatus;
}) {
  const { t } = useTranslation();
  const latest = decisions.find((d) => d.status === 'TAKEN');
  if (!latest || latest.toStatus !== status || !latest.patientVoiceReason) return null;
  return (
    <div className="notice notice--warning patient-voice-notice">
      <p className="notice__title">{t('ideas.voice.title', { status: t(`ideas.status.${status}`) })}</p>
      <p>
        {t('ideas.voice.reason')} <q>{latest.patientVoiceReason}</q>
      </p>
    </div>
  );
}

import type { Role } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import { useThreadContext } from './thread-context';

const LIVED_EXPERIENCE: readonly Role[] = ['PATIENT_PARTNER', 'FAMILY_MEMBER'];

/** The author's role in the network, so everyone sees whose voice a message is; patients and families stand out. */
export function AuthorBadge({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { people } = useThreadContext();
  const role = people.get(userId)?.role;
  if (!role) return null;
  const lived = LIVED_EXPERIENCE.includes(role);
  return (
    <span className={`role-badge${lived ? ' role-badge--lived' : ''}`}>
      {lived && (
        <span className="role-badge__mark" aria-hidden="true">
          ★
        </span>
      )}
      {t(`roles.${role}`)}
    </span>
  );
}

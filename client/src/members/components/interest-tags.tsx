import { useTranslation } from 'react-i18next';

/** A member's interests as tags; those shared with the viewer are marked in words, not only colour. */
export function InterestTags({ interests, shared = [] }: { interests: readonly string[]; shared?: readonly string[] }) {
  const { t } = useTranslation();
  if (interests.length === 0) return null;
  return (
    <ul className="tags" aria-label={t('members.interests')}>
      {interests.map((interest) => {
        const isShared = shared.includes(interest);
        return (
          <li key={interest} className={isShared ? 'tag tag--shared' : 'tag'}>
            {isShared && <span aria-hidden="true">✓ </span>}
            {interest}
            {isShared && <span className="visually-hidden"> ({t('members.sharedWithYou')})</span>}
          </li>
        );
      })}
    </ul>
  );
}

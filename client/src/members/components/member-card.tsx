import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberSummaryFragment } from '../../gql/graphql';
import { InterestTags } from './interest-tags';

/** One member in the directory: name, role and site, and the interests she shares with the viewer. */
export function MemberCard({
  member,
  to,
  linkRef,
}: {
  member: MemberSummaryFragment;
  to: string;
  linkRef?: (el: HTMLAnchorElement | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="member-card">
      <h3 className="member-card__name">
        <Link to={to} ref={linkRef}>
          {member.name}
        </Link>
        {member.pronouns && <span className="member-card__pronouns"> ({member.pronouns})</span>}
      </h3>
      <p className="member-card__meta">
        {t(`roles.${member.role}`)}
        {member.site && ` · ${member.site.name}`}
      </p>
      {!member.active && <p className="badge badge--warning">{t('members.deactivated')}</p>}
      {member.sharedInterests.length > 0 && (
        <p className="member-card__shared">{t('members.shared', { interests: member.sharedInterests.join(', ') })}</p>
      )}
      <InterestTags interests={member.interests} shared={member.sharedInterests} />
    </li>
  );
}

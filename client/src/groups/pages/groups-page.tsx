import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useNetwork } from '../../networks/network-context';
import { StatusMessage } from '../../ui/feedback';
import { CheckboxField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { GroupInvitations } from '../components/group-invitations';
import { GroupResults } from '../components/group-results';
import '../groups.css';

/** What a group page tells the list when it sends the member back (after leaving, for instance). */
export interface GroupsPageState {
  flash?: string;
}

/** Working groups: invitations waiting for the member, then every group she may see or only hers. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const mine = params.get('show') === 'mine';
  const includeArchived = params.get('archived') === '1';
  const base = `/n/${network.slug}/groups`;
  const paramsWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    return next;
  };
  const withParams = (changes: Record<string, string | null>) => {
    const query = paramsWith(changes).toString();
    return query ? `${base}?${query}` : base;
  };

  return (
    <>
      <PageHeading>{t('groups.title')}</PageHeading>
      <p className="lead">{t('groups.intro', { network: network.name })}</p>
      <StatusMessage>{(location.state as GroupsPageState | null)?.flash ?? null}</StatusMessage>
      <p>
        <Link to={`${base}/new`} className="button">
          {t('groups.start')}
        </Link>
      </p>
      <GroupInvitations networkId={network.id} networkSlug={network.slug} />
      <div className="group-filters">
        <nav aria-label={t('groups.filter.label')}>
          <ul className="segmented">
            <li>
              <Link
                to={withParams({ show: null })}
                aria-current={mine ? undefined : 'true'}
                className="segmented__link"
              >
                {t('groups.filter.all')}
              </Link>
            </li>
            <li>
              <Link
                to={withParams({ show: 'mine' })}
                aria-current={mine ? 'true' : undefined}
                className="segmented__link"
              >
                {t('groups.filter.mine')}
              </Link>
            </li>
          </ul>
        </nav>
        <CheckboxField
          label={t('groups.filter.archived')}
          checked={includeArchived}
          onChange={(e) => setParams(paramsWith({ archived: e.target.checked ? '1' : null }), { replace: true })}
        />
      </div>
      <GroupResults
        key={`${mine}|${includeArchived}`}
        networkId={network.id}
        networkSlug={network.slug}
        mine={mine}
        includeArchived={includeArchived}
      />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../networks/network-context';
import { PageHeading } from '../../ui/page-heading';
import { DirectoryFilters } from '../components/directory-filters';
import { MemberResults } from '../components/member-results';
import { toDirectoryFilter, useDirectoryFilter } from '../hooks/use-directory-filter';

/** Everyone in the network, found by role, site, interest or name, or by what they share with you. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const { params, update } = useDirectoryFilter();
  const filter = toDirectoryFilter(params);

  return (
    <>
      <PageHeading>{t('members.title')}</PageHeading>
      <p className="lead">{t('members.intro', { network: network.name })}</p>
      <div className="directory">
        <DirectoryFilters params={params} onChange={update} />
        <MemberResults key={JSON.stringify(filter)} networkId={network.id} networkSlug={network.slug} filter={filter} />
      </div>
    </>
  );
}

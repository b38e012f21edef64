import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNetwork } from '../../networks/network-context';
import { PageHeading } from '../../ui/page-heading';
import { ResourceForm } from '../components/resource-form';
import { emptyFormValues } from '../resource-form-values';
import '../commons.css';

/** Share a resource to the commons. */
export function NewResourcePage() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/n/${network.slug}/commons`}>{t('commons.backToCommons')}</Link>
      </p>
      <PageHeading>{t('commons.form.newTitle')}</PageHeading>
      <p className="lead">{t('commons.form.newIntro')}</p>
      <ResourceForm mode="post" initial={emptyFormValues(actor.siteId)} />
    </>
  );
}

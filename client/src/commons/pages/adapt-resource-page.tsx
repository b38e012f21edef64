import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorCode } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { ResourceForm } from '../components/resource-form';
import { RESOURCE_CONTEXT } from '../documents';
import { formValuesOf } from '../resource-form-values';
import { ResourceFormDocument } from './edit-resource-page';
import '../commons.css';

/** "Adapt this": the form filled from the original, for the member's own site. Saving creates her adaptation. */
export function AdaptResourcePage() {
  const { t } = useTranslation();
  const { resourceId = '' } = useParams();
  const { network, actor } = useNetwork();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResourceFormDocument,
    variables: { id: resourceId },
    context: RESOURCE_CONTEXT,
  });
  const commons = `/n/${network.slug}/commons`;
  const source = data?.resource.networkId === network.id ? data.resource : null;

  if (!source || !source.viewerCanAdapt) {
    if (source || (data && !source) || errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') {
      return (
        <>
          <p className="breadcrumb">
            <Link to={commons}>{t('commons.backToCommons')}</Link>
          </p>
          <PageHeading>{source ? t('commons.form.noAdapting') : t('commons.resource.notFound')}</PageHeading>
          <p>{source ? t('commons.resource.noAdaptations') : t('commons.resource.notFoundBody')}</p>
        </>
      );
    }
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }

  const ownSite = network.sites.find((site) => site.id === actor.siteId);
  return (
    <>
      <p className="breadcrumb">
        <Link to={`${commons}/${source.id}`}>{t('commons.form.backTo', { title: source.title })}</Link>
      </p>
      <PageHeading title={t('commons.form.adaptTitle', { title: source.title })}>
        {t('commons.form.adaptTitle', { title: source.title })}
      </PageHeading>
      <p className="lead">
        {ownSite
          ? t('commons.form.adaptIntroSite', { author: source.author.name, site: ownSite.name })
          : t('commons.form.adaptIntro', { author: source.author.name })}
      </p>
      <ResourceForm
        key={source.id}
        mode="adapt"
        initial={formValuesOf(source, actor.siteId)}
        source={{ ...source, attachmentCount: source.attachments.length }}
      />
    </>
  );
}

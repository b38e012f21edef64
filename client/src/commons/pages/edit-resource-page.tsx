import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { errorCode } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { type AfterSave, ResourceForm } from '../components/resource-form';
import { RESOURCE_CONTEXT } from '../documents';
import { formValuesOf } from '../resource-form-values';
import '../commons.css';

graphql(`
  fragment ResourceFormFields on Resource {
    id
    networkId
    kind
    title
    summary
    body
    tags
    audiences
    license
    version
    viewerCanEdit
    viewerCanAdapt
    author {
      userId
      name
    }
    site {
      id
      name
    }
    attachments {
      id
      filename
      contentType
      size
      url
    }
  }
`);

export const ResourceFormDocument = graphql(`
  query ResourceForm($id: ID!) {
    resource(id: $id) {
      ...ResourceFormFields
    }
  }
`);

/** Authors and admins: change a resource; saving adds a version, and files come and go here. */
export function EditResourcePage() {
  const { t } = useTranslation();
  const { resourceId = '' } = useParams();
  const { network } = useNetwork();
  const location = useLocation();
  const after = (location.state as AfterSave | null) ?? {};
  // Always the saved version, so the version the form sends back is current.
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResourceFormDocument,
    variables: { id: resourceId },
    requestPolicy: 'network-only',
    context: RESOURCE_CONTEXT,
  });
  const commons = `/n/${network.slug}/commons`;
  const resource = data?.resource.networkId === network.id ? data.resource : null;

  if (!resource || !resource.viewerCanEdit) {
    if (resource || (data && !resource) || errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') {
      return (
        <>
          <p className="breadcrumb">
            <Link to={commons}>{t('commons.backToCommons')}</Link>
          </p>
          <PageHeading>{resource ? t('commons.form.notYours') : t('commons.resource.notFound')}</PageHeading>
          <p>{resource ? t('commons.form.notYoursBody') : t('commons.resource.notFoundBody')}</p>
        </>
      );
    }
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`${commons}/${resource.id}`}>{t('commons.form.backTo', { title: resource.title })}</Link>
      </p>
      <PageHeading title={t('commons.form.editTitle', { title: resource.title })}>
        {t('commons.form.editTitle', { title: resource.title })}
      </PageHeading>
      <StatusMessage>{after.flash}</StatusMessage>
      <ResourceForm
        key={resource.id}
        mode="edit"
        initial={formValuesOf(resource)}
        resourceId={resource.id}
        version={resource.version}
        attachments={resource.attachments}
        uploadProblems={after.uploadProblems}
        onUploaded={() => reexecute({ requestPolicy: 'network-only' })}
      />
    </>
  );
}

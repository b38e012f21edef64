import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { errorCode } from '../../graphql/errors';
import { useFormatDate } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { Loading, QueryError, StatusMessage } from '../../ui/feedback';
import { PageHeading } from '../../ui/page-heading';
import { AttachmentList } from '../components/attachment-list';
import { ResourceDiscussion } from '../components/resource-discussion';
import { EngagementActions } from '../components/engagement-actions';
import { HistorySection } from '../components/history-section';
import { LineageSection } from '../components/lineage-section';
import { HiddenBanner, HideForm } from '../components/moderation';
import { ResourceFacts } from '../components/resource-facts';
import type { AfterSave } from '../components/resource-form';
import { ResourceUses } from '../components/resource-uses';
import { RESOURCE_CONTEXT } from '../documents';
import { cleanMarkdownHtml } from '../safe-html';
import '../commons.css';

graphql(`
  fragment ResourcePageFields on Resource {
    id
    networkId
    kind
    title
    summary
    bodyHtml
    tags
    audiences
    license
    version
    createdAt
    updatedAt
    hidden
    hiddenAt
    hiddenReason
    helpfulCount
    viewerMarkedHelpful
    viewerBookmarked
    viewerCanEdit
    viewerCanHide
    viewerCanAdapt
    useCount
    viewCount
    downloadCount
    adaptedFromId
    adaptedFrom {
      id
      title
    }
    site {
      id
      name
    }
    author {
      userId
      name
    }
    attachments {
      id
      filename
      contentType
      size
      url
      downloadCount
    }
    uses {
      note
      updatedAt
      site {
        id
        name
      }
      recordedBy {
        userId
        name
      }
      viewerCanRemove
    }
    lineage {
      ancestors {
        ...LineageNodeFields
      }
      descendants {
        ...LineageNodeFields
      }
    }
    history {
      version
      editedAt
      changeNote
      editedBy {
        userId
        name
      }
    }
  }
`);

const ResourcePageDocument = graphql(`
  query ResourcePage($id: ID!) {
    resource(id: $id) {
      ...ResourcePageFields
    }
  }
`);

const RecordViewDocument = graphql(`
  mutation RecordResourceView($resourceId: ID!) {
    countResourceView(resourceId: $resourceId) {
      resourceId
      viewCount
    }
  }
`);

/** Where "back to the commons" leads: the search the member came from, when she came from one. */
export interface FromCommons {
  commonsSearch?: string;
}

type ResourcePageState = (FromCommons & AfterSave) | null;

/**
 * A resource of the commons: what it is and says, its files, who used it, where it comes from
 * and what was made from it, every version, and what the member can do with it.
 */
export function ResourcePage() {
  const { t } = useTranslation();
  const { resourceId = '' } = useParams();
  const { network } = useNetwork();
  const location = useLocation();
  const formatDate = useFormatDate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResourcePageDocument,
    variables: { id: resourceId },
    context: RESOURCE_CONTEXT,
  });
  const [viewed, recordView] = useMutation(RecordViewDocument);
  const recorded = useRef<string | null>(null);
  const [status, setStatus] = useState<string | null>(() => (location.state as ResourcePageState)?.flash ?? null);
  const commons = `/n/${network.slug}/commons`;
  const back = `${commons}${(location.state as ResourcePageState)?.commonsSearch ?? ''}`;

  useEffect(() => {
    if (recorded.current === resourceId) return;
    recorded.current = resourceId;
    void recordView({ resourceId });
  }, [resourceId, recordView]);

  const resource = data?.resource.networkId === network.id ? data.resource : null;
  if (!resource) {
    if ((data && !resource) || errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') {
      return (
        <>
          <p className="breadcrumb">
            <Link to={back}>{t('commons.backToCommons')}</Link>
          </p>
          <PageHeading>{t('commons.resource.notFound')}</PageHeading>
          <p>{t('commons.resource.notFoundBody')}</p>
        </>
      );
    }
    if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return fetching ? <Loading /> : null;
  }

  const current = {
    id: resource.id,
    parentId: resource.adaptedFromId,
    depth: 0,
    title: resource.title,
    kind: resource.kind,
    createdAt: resource.createdAt,
    useCount: resource.useCount,
    site: resource.site,
    author: resource.author,
  };
  const adaptable = resource.viewerCanAdapt;

  return (
    <article className="resource-page">
      <p className="breadcrumb">
        <Link to={back}>{t('commons.backToCommons')}</Link>
      </p>
      <p className="resource-page__kind">
        <span className={`kind-badge kind-badge--${resource.kind.toLowerCase()}`}>
          {t(`commons.kind.${resource.kind}`)}
        </span>
        {resource.hidden && <span className="badge badge--revoked">{t('commons.resource.hiddenBadge')}</span>}
      </p>
      <PageHeading>{resource.title}</PageHeading>
      <p className="resource-page__byline">
        {t('commons.resource.byline', {
          author: resource.author.name,
          site: resource.site?.name ?? t('commons.resource.anySite'),
          date: formatDate(resource.createdAt),
        })}
        {resource.adaptedFrom && (
          <>
            {' '}
            {t('commons.resource.adaptedFromPrefix')}{' '}
            <Link to={`${commons}/${resource.adaptedFrom.id}`}>{resource.adaptedFrom.title}</Link>
          </>
        )}
      </p>
      <StatusMessage>{status}</StatusMessage>
      {resource.hidden && (
        <HiddenBanner
          resourceId={resource.id}
          hiddenAt={resource.hiddenAt}
          reason={resource.hiddenReason}
          canShow={resource.viewerCanHide}
          onChanged={setStatus}
        />
      )}
      {resource.summary && <p className="lead resource-page__summary">{resource.summary}</p>}
      <div className="resource-actions" role="group" aria-label={t('commons.resource.actions')}>
        <EngagementActions
          resourceId={resource.id}
          helpfulCount={resource.helpfulCount}
          markedHelpful={resource.viewerMarkedHelpful}
          bookmarked={resource.viewerBookmarked}
        />
        {adaptable && (
          <Link to={`${commons}/${resource.id}/adapt`} className="button">
            {t('commons.resource.adapt')}
          </Link>
        )}
        {resource.viewerCanEdit && (
          <Link to={`${commons}/${resource.id}/edit`} className="button button--secondary">
            {t('commons.resource.edit')}
          </Link>
        )}
      </div>
      {!adaptable && resource.license === 'ALL-RIGHTS-RESERVED' && (
        <p className="muted small">{t('commons.resource.noAdaptations')}</p>
      )}
      <div className="resource-layout">
        <div className="resource-layout__main">
          {resource.bodyHtml ? (
            // bodyHtml is rendered from Markdown and sanitised by the server, and cleaned again here.
            <div className="markdown" dangerouslySetInnerHTML={{ __html: cleanMarkdownHtml(resource.bodyHtml) }} />
          ) : (
            <p className="muted">{t('commons.resource.noBody')}</p>
          )}
          <section className="resource-section" aria-labelledby="resource-files">
            <h2 id="resource-files">{t('commons.attachments.title')}</h2>
            {resource.attachments.length ? (
              <AttachmentList attachments={resource.attachments} />
            ) : (
              <p className="muted">{t('commons.attachments.none')}</p>
            )}
          </section>
          <ResourceUses resource={resource} />
          <LineageSection
            current={current}
            ancestors={resource.lineage.ancestors}
            descendants={resource.lineage.descendants}
            networkSlug={network.slug}
          />
          <HistorySection resourceId={resource.id} history={resource.history} />
          <ResourceDiscussion resourceId={resource.id} />
          {resource.viewerCanHide && !resource.hidden && <HideForm resourceId={resource.id} onChanged={setStatus} />}
        </div>
        <aside className="resource-layout__aside">
          <ResourceFacts
            resource={resource}
            networkSlug={network.slug}
            // This visit is counted by a mutation that may answer after the page's query: take the higher count.
            viewCount={Math.max(
              resource.viewCount,
              viewed.data?.countResourceView.resourceId === resource.id ? viewed.data.countResourceView.viewCount : 0,
            )}
          />
        </aside>
      </div>
    </article>
  );
}

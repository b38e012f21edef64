import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { LineageNodeFieldsFragment } from '../../gql/graphql';
import { useFormatDate } from '../../i18n/format';
import { type LineageTreeNode, lineageSize, lineageTree } from '../lineage-tree';

graphql(`
  fragment LineageNodeFields on LineageNode {
    id
    parentId
    depth
    title
    kind
    createdAt
    useCount
    site {
      id
      name
    }
    author {
      userId
      name
    }
  }
`);

interface LineageSectionProps {
  current: LineageNodeFieldsFragment;
  ancestors: readonly LineageNodeFieldsFragment[];
  descendants: readonly LineageNodeFieldsFragment[];
  networkSlug: string;
}

/**
 * Where a resource comes from and what was made from it, as one nested list: the origin at the
 * top, each adaptation indented under what it was adapted from, this resource marked.
 */
export function LineageSection({ current, ancestors, descendants, networkSlug }: LineageSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const tree = lineageTree(current, ancestors, descendants);
  const alone = lineageSize(tree) === 1;
  return (
    <section className="resource-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commons.lineage.title')}</h2>
      {alone ? (
        <p className="muted">{t('commons.lineage.none')}</p>
      ) : (
        <>
          <p>
            {ancestors.length > 0 && t('commons.lineage.adaptedFrom', { count: ancestors.length })}{' '}
            {t('commons.lineage.adaptations', { count: descendants.length })}
          </p>
          <ul className="lineage" aria-label={t('commons.lineage.treeLabel')}>
            <LineageBranch node={tree} networkSlug={networkSlug} />
          </ul>
        </>
      )}
    </section>
  );
}

function LineageBranch({
  node,
  networkSlug,
}: {
  node: LineageTreeNode<LineageNodeFieldsFragment>;
  networkSlug: string;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { item } = node;
  const meta = [
    t(`commons.kind.${item.kind}`),
    item.site?.name ?? t('commons.resource.anySite'),
    item.author.name,
    formatDate(item.createdAt),
  ].join(' · ');
  return (
    <li className={`lineage__node${node.current ? ' lineage__node--current' : ''}`}>
      <div className="lineage__item">
        {node.current ? (
          <strong aria-current="page">
            {item.title} <span className="lineage__here">{t('commons.lineage.here')}</span>
          </strong>
        ) : (
          <Link to={`/n/${networkSlug}/commons/${item.id}`}>{item.title}</Link>
        )}
        <span className="lineage__meta muted small">
          {' '}
          {meta} · {t('commons.resource.usedBySites', { count: item.useCount })}
        </span>
      </div>
      {node.children.length > 0 && (
        <ul className="lineage__children" aria-label={t('commons.lineage.adaptationsOf', { title: item.title })}>
          {node.children.map((child) => (
            <LineageBranch key={child.item.id} node={child} networkSlug={networkSlug} />
          ))}
        </ul>
      )}
    </li>
  );
}

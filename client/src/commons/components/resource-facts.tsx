import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResourcePageFieldsFragment } from '../../gql/graphql';
import { useFormatDate } from '../../i18n/format';
import { licenseInfo } from '../format';

/** What a resource is for, where it is from, under which licence, and how much it is used. */
export function ResourceFacts({
  resource,
  networkSlug,
  viewCount,
}: {
  resource: ResourcePageFieldsFragment;
  networkSlug: string;
  viewCount: number;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const license = licenseInfo(resource.license);
  const commons = `/n/${networkSlug}/commons`;
  return (
    <section className="panel resource-facts" aria-labelledby="resource-facts">
      <h2 id="resource-facts" className="resource-facts__title">
        {t('commons.facts.title')}
      </h2>
      <dl className="resource-facts__list">
        <dt>{t('commons.facts.kind')}</dt>
        <dd>
          <Link to={`${commons}?kind=${resource.kind}`}>{t(`commons.kind.${resource.kind}`)}</Link>
        </dd>
        <dt>{t('commons.facts.author')}</dt>
        <dd>
          <Link to={`/n/${networkSlug}/members/${resource.author.userId}`}>{resource.author.name}</Link>
        </dd>
        <dt>{t('commons.facts.site')}</dt>
        <dd>
          {resource.site ? (
            <Link to={`${commons}?site=${resource.site.id}`}>{resource.site.name}</Link>
          ) : (
            t('commons.resource.anySite')
          )}
        </dd>
        <dt>{t('commons.facts.audiences')}</dt>
        <dd>
          {resource.audiences.length
            ? resource.audiences.map((role) => t(`roles.${role}`)).join(', ')
            : t('commons.facts.everyone')}
        </dd>
        <dt>{t('commons.facts.tags')}</dt>
        <dd>
          {resource.tags.length ? (
            <ul className="tags">
              {resource.tags.map((tag) => (
                <li key={tag} className="tag">
                  <Link to={`${commons}?tag=${encodeURIComponent(tag)}`}>{tag}</Link>
                </li>
              ))}
            </ul>
          ) : (
            t('commons.facts.noTags')
          )}
        </dd>
        <dt>{t('commons.facts.license')}</dt>
        <dd>
          {license ? (
            license.url ? (
              <a href={license.url} rel="license noopener noreferrer" target="_blank">
                {t(`commons.license.${license.key}`)}
                <span className="visually-hidden"> {t('commons.facts.opensNewTab')}</span>
              </a>
            ) : (
              t(`commons.license.${license.key}`)
            )
          ) : (
            resource.license
          )}
          {license && <p className="field__hint">{t(`commons.licenseMeaning.${license.key}`)}</p>}
        </dd>
        <dt>{t('commons.facts.shared')}</dt>
        <dd>{formatDate(resource.createdAt)}</dd>
        <dt>{t('commons.facts.version')}</dt>
        <dd>{t('commons.facts.versionOf', { version: resource.version, date: formatDate(resource.updatedAt) })}</dd>
      </dl>
      <h3 className="resource-facts__subtitle">{t('commons.facts.numbers')}</h3>
      <ul className="plain-list resource-numbers">
        <li>{t('commons.facts.views', { count: viewCount })}</li>
        <li>{t('commons.facts.downloads', { count: resource.downloadCount })}</li>
        <li>{t('commons.facts.helpful', { count: resource.helpfulCount })}</li>
        <li>{t('commons.facts.uses', { count: resource.useCount })}</li>
      </ul>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupPageFieldsFragment } from '../../gql/graphql';
import { useFormatDate } from '../../i18n/format';
import { useNetwork } from '../../networks/network-context';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { RemoveFromGroupShelfDocument } from '../documents';
import { useGroupMutation } from '../hooks/use-group-actions';
import { AddToShelf } from './add-to-shelf';
import '../../commons/commons.css';

/** The group's shelf: commons resources it keeps at hand, each linking to its page; members add and take off. */
export function GroupShelf({ group }: { group: GroupPageFieldsFragment }) {
  const { t } = useTranslation();
  const { network } = useNetwork();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const remove = useGroupMutation(RemoveFromGroupShelfDocument);
  const removable = group.viewerCanUnshelve;

  async function takeOff(resourceId: string, title: string) {
    setStatus(null);
    setProblems([]);
    const problem = await remove.perform({ groupId: group.id, resourceId });
    if (problem) setProblems([problem]);
    else setStatus(t('groups.shelf.removed', { title }));
  }

  return (
    <section className="group-section group-shelf" aria-labelledby="group-shelf">
      <h2 id="group-shelf">{t('groups.shelf.title')}</h2>
      <p className="muted">{t('groups.shelf.intro')}</p>
      <FormAlert messages={problems} />
      <StatusMessage>{status}</StatusMessage>
      {group.shelf.length === 0 ? (
        <p className="panel">{t('groups.shelf.empty')}</p>
      ) : (
        <ul className="shelf">
          {group.shelf.map(({ resource, addedBy, addedAt }) => (
            <li key={resource.id} className="shelf__item">
              <p className="shelf__kind">
                <span className={`kind-badge kind-badge--${resource.kind.toLowerCase()}`}>
                  {t(`commons.kind.${resource.kind}`)}
                </span>
              </p>
              <h3 className="shelf__title">
                <Link to={`/n/${network.slug}/commons/${resource.id}`}>{resource.title}</Link>
              </h3>
              {resource.summary && <p className="shelf__summary">{resource.summary}</p>}
              <p className="shelf__meta">
                {t('groups.shelf.addedBy', { name: addedBy.name, date: formatDate(addedAt) })}
                {removable && (
                  <>
                    {' · '}
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      disabled={remove.busy}
                      onClick={() => void takeOff(resource.id, resource.title)}
                    >
                      {t('groups.shelf.remove')}
                      <span className="visually-hidden">{`: ${resource.title}`}</span>
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {group.viewerCanShelve && (
        <AddToShelf group={group} onAdded={(title) => setStatus(t('groups.shelf.added', { title }))} />
      )}
    </section>
  );
}

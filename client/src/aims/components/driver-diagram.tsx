import type { ChangeIdeaStatus } from '@commons/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { StatusMessage } from '../../ui/feedback';
import { type DriverNode, driverTree, nextPosition } from '../drivers';
import { AddDriverForm, DriverControls } from './driver-editing';

/** A change idea as the diagram shows it: a link to the idea with its status. */
export interface DriverIdea {
  id: string;
  title: string;
  status: ChangeIdeaStatus;
}

type DiagramDriver = DriverNode & { changeIdeas?: readonly DriverIdea[] };

interface DriverDiagramProps {
  networkId: string;
  networkSlug: string;
  aimStatement: string | null;
  drivers: readonly DiagramDriver[];
  /** Network admins may switch on editing. */
  editable: boolean;
  /** Called after an admin changed the diagram, so the page reloads it. */
  onChanged: () => void;
}

/**
 * The key driver diagram: the aim, the primary drivers that lead to it, the secondary drivers
 * under each, and the change ideas meant to move each secondary driver, drawn left to right with
 * connecting arrows. The drawing is made of nested lists, so a screen reader reads it as the
 * structured list it is; the lines are decoration.
 */
export function DriverDiagram({
  networkId,
  networkSlug,
  aimStatement,
  drivers,
  editable,
  onChanged,
}: DriverDiagramProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const branches = driverTree(drivers);
  const { hash } = useLocation();
  // A link to one driver (from a change idea) scrolls to it once the diagram is drawn.
  useEffect(() => {
    if (hash.startsWith('#driver-')) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [hash]);
  const changed = (message: string) => {
    setAnnouncement(message);
    onChanged();
  };

  return (
    <section className="panel kdd-panel" aria-labelledby={titleId}>
      <div className="section-header">
        <h2 id={titleId}>{t('drivers.title')}</h2>
        {editable && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={editing}
            onClick={() => setEditing((value) => !value)}
          >
            {editing ? t('drivers.doneEditing') : t('drivers.edit')}
          </button>
        )}
      </div>
      <p className="muted">{t('drivers.intro')}</p>
      <StatusMessage>{announcement}</StatusMessage>

      <div className={`kdd ${editing ? 'kdd--editing' : ''}`}>
        <div className="kdd__columns" aria-hidden="true">
          <span>{t('drivers.columns.aim')}</span>
          <span>{t('drivers.columns.primary')}</span>
          <span>{t('drivers.columns.secondary')}</span>
          <span>{t('drivers.columns.ideas')}</span>
        </div>
        <div className="kdd__body">
          <div className="kdd__aim">
            <span className="kdd__label">{t('drivers.columns.aim')}</span>
            <p>{aimStatement ?? t('drivers.noAim')}</p>
          </div>

          <ol className="kdd__primaries kdd__tree" aria-label={t('drivers.columns.primary')}>
            {branches.map(({ driver, secondaries }, index) => (
              <li key={driver.id} className="kdd__branch">
                <div className="kdd__box kdd__box--primary" id={`driver-${driver.id}`}>
                  <span className="visually-hidden">{t('drivers.primaryNumber', { number: index + 1 })}: </span>
                  <p className="kdd__title">{driver.title}</p>
                  {driver.description && <p className="kdd__description">{driver.description}</p>}
                  {(driver.changeIdeas?.length ?? 0) > 0 && (
                    <DriverIdeas driver={driver} networkSlug={networkSlug} inline />
                  )}
                  {editing && <DriverControls driver={driver} childCount={secondaries.length} onChanged={changed} />}
                </div>
                {secondaries.length > 0 || editing ? (
                  <ul
                    className="kdd__secondaries kdd__tree"
                    aria-label={t('drivers.secondaryOf', { title: driver.title })}
                  >
                    {secondaries.map((secondary) => (
                      <li key={secondary.id} className="kdd__leaf">
                        <div className="kdd__box kdd__box--secondary" id={`driver-${secondary.id}`}>
                          <p className="kdd__title">{secondary.title}</p>
                          {secondary.description && <p className="kdd__description">{secondary.description}</p>}
                          {editing && <DriverControls driver={secondary} childCount={0} onChanged={changed} />}
                        </div>
                        <DriverIdeas driver={secondary} networkSlug={networkSlug} />
                      </li>
                    ))}
                    {editing && (
                      <li className="kdd__leaf kdd__leaf--add">
                        <AddDriverForm
                          networkId={networkId}
                          parent={driver}
                          position={nextPosition(secondaries)}
                          onChanged={changed}
                        />
                      </li>
                    )}
                  </ul>
                ) : (
                  <p className="kdd__empty">{t('drivers.noSecondary')}</p>
                )}
              </li>
            ))}
            {editing && (
              <li className="kdd__branch kdd__branch--add">
                <AddDriverForm
                  networkId={networkId}
                  parent={null}
                  position={nextPosition(branches.map((b) => b.driver))}
                  onChanged={changed}
                />
              </li>
            )}
          </ol>
        </div>
        {branches.length === 0 && !editing && <p className="muted">{t('drivers.none')}</p>}
      </div>
      <p className="kdd__all-ideas">
        <Link to={`/n/${networkSlug}/ideas`}>{t('drivers.ideasLink')}</Link>
      </p>
    </section>
  );
}

/**
 * The change ideas meant to move one driver, each linked to its page with its status; for a
 * secondary driver with none yet, a link to propose one for it.
 */
function DriverIdeas({
  driver,
  networkSlug,
  inline = false,
}: {
  driver: DiagramDriver;
  networkSlug: string;
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const ideas = driver.changeIdeas ?? [];
  return (
    <div className={inline ? 'kdd__driver-ideas kdd__driver-ideas--inline' : 'kdd__ideas'}>
      {ideas.length > 0 ? (
        <ul className="kdd__idea-list" aria-label={t('drivers.ideasOf', { title: driver.title })}>
          {ideas.map((idea) => (
            <li key={idea.id} className="kdd__idea">
              <Link to={`/n/${networkSlug}/ideas/${idea.id}`}>{idea.title}</Link>
              <span className="kdd__idea-status"> · {t(`ideas.status.${idea.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="kdd__no-ideas">
          {t('drivers.noIdeas')}{' '}
          <Link to={`/n/${networkSlug}/ideas/new?driver=${encodeURIComponent(driver.id)}`}>
            {t('drivers.proposeOne')}{' '}
            <span className="visually-hidden">{t('drivers.forDriver', { title: driver.title })}</span>
          </Link>
        </p>
      )}
    </div>
  );
}

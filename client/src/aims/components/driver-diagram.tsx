import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusMessage } from '../../ui/feedback';
import { type DriverNode, driverTree, nextPosition } from '../drivers';
import { AddDriverForm, DriverControls } from './driver-editing';

interface DriverDiagramProps {
  networkId: string;
  networkSlug: string;
  aimStatement: string | null;
  drivers: readonly DriverNode[];
  /** Network admins may switch on editing. */
  editable: boolean;
  /** Called after an admin changed the diagram, so the page reloads it. */
  onChanged: () => void;
}

/**
 * The key driver diagram: the aim, the primary drivers that lead to it, and the secondary drivers
 * under each, drawn left to right with connecting arrows. The drawing is made of nested lists, so
 * a screen reader reads it as the structured list it is; the lines are decoration.
 */
export function DriverDiagram({ networkId, networkSlug, aimStatement, drivers, editable, onChanged }: DriverDiagramProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const branches = driverTree(drivers);
  const changed = (message: string) => {
    setAnnouncement(message);
    onChanged();
  };

  return (
    <section className="panel kdd-panel" aria-labelledby={titleId}>
      <div className="section-header">
        <h2 id={titleId}>{t('drivers.title')}</h2>
        {editable && (
          <button type="button" className="button button--secondary button--small" aria-pressed={editing} onClick={() => setEditing((value) => !value)}>
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
                <div className="kdd__box kdd__box--primary">
                  <span className="visually-hidden">{t('drivers.primaryNumber', { number: index + 1 })}: </span>
                  <p className="kdd__title">{driver.title}</p>
                  {driver.description && <p className="kdd__description">{driver.description}</p>}
                  {editing && <DriverControls driver={driver} childCount={secondaries.length} onChanged={changed} />}
                </div>
                {secondaries.length > 0 || editing ? (
                  <ul className="kdd__secondaries kdd__tree" aria-label={t('drivers.secondaryOf', { title: driver.title })}>
                    {secondaries.map((secondary) => (
                      <li key={secondary.id} className="kdd__leaf">
                        <div className="kdd__box kdd__box--secondary">
                          <p className="kdd__title">{secondary.title}</p>
                          {secondary.description && <p className="kdd__description">{secondary.description}</p>}
                          {editing && <DriverControls driver={secondary} childCount={0} onChanged={changed} />}
                        </div>
                      </li>
                    ))}
                    {editing && (
                      <li className="kdd__leaf kdd__leaf--add">
                        <AddDriverForm networkId={networkId} parent={driver} position={nextPosition(secondaries)} onChanged={changed} />
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
                <AddDriverForm networkId={networkId} parent={null} position={nextPosition(branches.map((b) => b.driver))} onChanged={changed} />
              </li>
            )}
          </ol>

          <aside className="kdd__ideas" aria-label={t('drivers.columns.ideas')}>
            <span className="kdd__label">{t('drivers.columns.ideas')}</span>
            <p>{t('drivers.ideasComing')}</p>
            <p>
              <Link to={`/n/${networkSlug}/ideas`}>{t('drivers.ideasLink')}</Link>
            </p>
          </aside>
        </div>
        {branches.length === 0 && !editing && <p className="muted">{t('drivers.none')}</p>}
      </div>
    </section>
  );
}

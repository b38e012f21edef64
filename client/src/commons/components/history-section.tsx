import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ResourcePageFieldsFragment } from '../../gql/graphql';
import { useFormatDateTime } from '../../i18n/format';
import { Loading, QueryError } from '../../ui/feedback';
import { DiffView } from './diff-view';

const ResourceDiffDocument = graphql(`
  query ResourceDiff($resourceId: ID!, $fromVersion: Int!, $toVersion: Int!) {
    resourceDiff(resourceId: $resourceId, fromVersion: $fromVersion, toVersion: $toVersion) {
      fromVersion
      toVersion
      fields {
        field
        hunks {
          oldStart
          oldLines
          newStart
          newLines
          lines {
            kind
            text
          }
        }
      }
    }
  }
`);

type Version = ResourcePageFieldsFragment['history'][number];

/** Every version of a resource, newest first, and the changes between any two of them. */
export function HistorySection({ resourceId, history }: { resourceId: string; history: readonly Version[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const headingId = useId();
  const latest = history[0]?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [compared, setCompared] = useState<{ from: number; to: number; round: number } | null>(null);

  const compare = (fromVersion: number, toVersion: number) => {
    setFrom(fromVersion);
    setTo(toVersion);
    setCompared((last) => ({ from: fromVersion, to: toVersion, round: (last?.round ?? 0) + 1 }));
  };
  const options = history.map((v) => ({
    value: v.version,
    label: t('commons.history.versionLabel', { version: v.version, date: formatDateTime(v.editedAt) }),
  }));

  return (
    <section className="resource-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('commons.history.title')}</h2>
      <ol className="history-list" reversed>
        {history.map((version) => (
          <li key={version.version} className="history-list__item">
            <p className="history-list__who">
              <strong>{t('commons.history.version', { version: version.version })}</strong> ·{' '}
              {formatDateTime(version.editedAt)} · {version.editedBy.name}
            </p>
            {version.changeNote && <p className="history-list__note">{version.changeNote}</p>}
            {version.version > 1 && (
              <button
                type="button"
                className="link-button"
                onClick={() => compare(version.version - 1, version.version)}
              >
                {t('commons.history.seeChanges', { version: version.version })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {history.length > 1 && (
        <form
          className="compare-form"
          onSubmit={(event) => {
            event.preventDefault();
            compare(Math.min(from, to), Math.max(from, to));
          }}
        >
          <fieldset>
            <legend className="field__label">{t('commons.history.compare')}</legend>
            <div className="form-row">
              <VersionSelect label={t('commons.history.from')} value={from} options={options} onChange={setFrom} />
              <VersionSelect label={t('commons.history.to')} value={to} options={options} onChange={setTo} />
              <button type="submit" className="button button--secondary compare-form__submit">
                {t('commons.history.showChanges')}
              </button>
            </div>
          </fieldset>
        </form>
      )}
      {compared && (
        <div className="diff-region">
          <DiffResult key={compared.round} resourceId={resourceId} from={compared.from} to={compared.to} />
        </div>
      )}
    </section>
  );
}

function VersionSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: number;
  options: { value: number; label: string }[];
  onChange: (v: number) => void;
}) {
  const id = useId();
  return (
    <div className="field field--compact">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="field__control" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DiffResult({ resourceId, from, to }: { resourceId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResourceDiffDocument,
    variables: { resourceId, fromVersion: from, toVersion: to },
  });
  const title = useRef<HTMLHeadingElement>(null);
  const shown = Boolean(data);
  // The changes appear below the buttons: focus goes to them, so they are read next.
  useEffect(() => {
    if (shown) title.current?.focus();
  }, [shown]);
  if (error) return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading /> : null;
  const diff = data.resourceDiff;
  return (
    <>
      <h3 ref={title} tabIndex={-1} className="diff-region__title">
        {diff.fromVersion === diff.toVersion
          ? t('commons.history.sameVersion', { version: diff.toVersion })
          : t('commons.history.changesBetween', { from: diff.fromVersion, to: diff.toVersion })}
      </h3>
      <DiffView fields={diff.fields} />
    </>
  );
}

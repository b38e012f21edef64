import { IMPORT_COLUMNS } from '@commons/shared';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ImportPreviewFieldsFragment } from '../../gql/graphql';
import { describeError, translateIssue } from '../../graphql/errors';
import { useNetwork } from '../../networks/network-context';
import { FormAlert, StatusMessage } from '../../ui/feedback';
import { TextAreaField } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { mayReport, reportableSites } from '../access';
import '../measures.css';

graphql(`
  fragment ImportPreviewFields on ImportPreview {
    valid
    rows
    changes
    unchanged
    problems {
      line
      column
      code
      params {
        name
        value
      }
    }
  }
`);

const PreviewImportDocument = graphql(`
  mutation PreviewMeasureImport($networkId: ID!, $csv: String!) {
    previewMeasureImport(networkId: $networkId, csv: $csv) {
      ...ImportPreviewFields
    }
  }
`);

const CommitImportDocument = graphql(`
  mutation CommitMeasureImport($networkId: ID!, $csv: String!) {
    commitMeasureImport(networkId: $networkId, csv: $csv) {
      ...ImportPreviewFields
    }
  }
`);

const ImportCodesDocument = graphql(`
  query ImportCodes($slug: String!, $networkId: ID!) {
    network(slug: $slug) {
      id
      sites {
        id
        name
        slug
      }
    }
    measures(networkId: $networkId) {
      id
      key
      name
    }
  }
`);

type Problem = ImportPreviewFieldsFragment['problems'][number];

/** Problems of a refused import, from a BAD_USER_INPUT error's `extensions.problems`. */
function problemsOf(extensions: Record<string, unknown> | undefined): Problem[] {
  const problems = extensions?.problems;
  if (!Array.isArray(problems)) return [];
  type Sent = { line: number; column: string; code: string; params?: Record<string, string> };
  return (problems as unknown[])
    .filter((p): p is Sent => {
      const problem = p as Partial<Sent> | null;
      return (
        typeof problem?.line === 'number' && typeof problem?.column === 'string' && typeof problem?.code === 'string'
      );
    })
    .map((p) => ({
      line: p.line,
      column: p.column,
      code: p.code,
      params: Object.entries(p.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
    }));
}

/**
 * Many months and measures at once from a CSV file: check it first (every problem by line and
 * column, and how many reports it would change), then import it. Nothing is written unless every
 * row is valid.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { network, actor } = useNetwork();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ csv: string; result: ImportPreviewFieldsFragment } | null>(null);
  const [imported, setImported] = useState<ImportPreviewFieldsFragment | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [previewState, runPreview] = useMutation(PreviewImportDocument);
  const [commitState, runCommit] = useMutation(CommitImportDocument);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const fileId = useId();
  const [{ data: codes }] = useQuery({
    query: ImportCodesDocument,
    variables: { slug: network.slug, networkId: network.id },
  });
  const sites = reportableSites(actor, codes?.network.sites ?? []);
  const templateHref = `/files/measures-template.csv?networkId=${encodeURIComponent(network.id)}`;

  if (!mayReport(actor)) {
    return (
      <>
        <PageHeading>{t('import.title')}</PageHeading>
        <p>{t('report.notAllowed')}</p>
      </>
    );
  }

  const focusResult = () => requestAnimationFrame(() => resultRef.current?.focus());

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    setFileName(file.name);
    setPreview(null);
    setImported(null);
  }

  async function check() {
    setImported(null);
    setFormErrors([]);
    if (!csv.trim()) {
      setFormErrors([t('import.empty')]);
      return;
    }
    const result = await runPreview({ networkId: network.id, csv });
    if (result.error || !result.data) {
      setFormErrors([result.error ? describeError(result.error, t) : t('errors.unknown')]);
      return;
    }
    setPreview({ csv, result: result.data.previewMeasureImport });
    focusResult();
  }

  async function commit() {
    if (!preview?.result.valid || preview.csv !== csv) return;
    setFormErrors([]);
    const result = await runCommit({ networkId: network.id, csv });
    if (result.error || !result.data) {
      const problems = problemsOf(result.error?.graphQLErrors[0]?.extensions);
      if (problems.length)
        setPreview({ csv, result: { valid: false, rows: preview.result.rows, changes: 0, unchanged: 0, problems } });
      else setFormErrors([result.error ? describeError(result.error, t) : t('errors.unknown')]);
      focusResult();
      return;
    }
    setImported(result.data.commitMeasureImport);
    setPreview(null);
  }

  const checked = preview && preview.csv === csv ? preview.result : null;
  const busy = previewState.fetching || commitState.fetching;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/n/${network.slug}/report`}>{t('import.back')}</Link>
      </p>
      <PageHeading>{t('import.title')}</PageHeading>
      <p className="lead">{t('import.intro')}</p>
      <div className="panel">
        <h2>{t('import.formatTitle')}</h2>
        <p>{t('import.format', { columns: IMPORT_COLUMNS.join(', ') })}</p>
        {codes && (
          <details className="import-codes">
            <summary>{t('import.codes')}</summary>
            <div className="two-columns">
              <dl className="definition">
                <dt>{t('import.siteCodes')}</dt>
                {sites.map((site) => (
                  <dd key={site.id}>
                    <code>{site.slug}</code> {site.name}
                  </dd>
                ))}
              </dl>
              <dl className="definition">
                <dt>{t('import.measureCodes')}</dt>
                {codes.measures.map((measure) => (
                  <dd key={measure.id}>
                    <code>{measure.key}</code> {measure.name}
                  </dd>
                ))}
              </dl>
            </div>
          </details>
        )}
        <p>
          <a href={templateHref} download className="button button--secondary">
            {t('import.template')}
          </a>
        </p>
      </div>
      <div className="panel">
        <FormAlert messages={formErrors} />
        <div className="field">
          <label htmlFor={fileId} className="field__label">
            {t('import.file')}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void readFile(e)}
            className="file-input"
          />
          {fileName && <p className="field__hint">{t('import.fileLoaded', { name: fileName })}</p>}
        </div>
        <TextAreaField
          label={t('import.paste')}
          hint={t('import.pasteHint')}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setImported(null);
          }}
          rows={10}
          className="field--code"
          spellCheck={false}
        />
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => void check()} disabled={busy}>
            {t('import.check')}
          </button>
          <button type="button" className="button" onClick={() => void commit()} disabled={busy || !checked?.valid}>
            {t('import.import')}
          </button>
          {!checked?.valid && <span className="small muted">{t('import.importHint')}</span>}
        </div>
      </div>

      <StatusMessage>
        {imported ? t('import.done', { count: imported.changes, unchanged: imported.unchanged }) : null}
      </StatusMessage>

      {checked && (
        <section className="panel import-result" aria-labelledby="import-result-heading">
          <h2 id="import-result-heading" ref={resultRef} tabIndex={-1}>
            {checked.valid ? t('import.validTitle') : t('import.invalidTitle', { count: checked.problems.length })}
          </h2>
          {checked.valid ? (
            <p>
              {t('import.summary', { count: checked.rows, changes: checked.changes, unchanged: checked.unchanged })}
            </p>
          ) : (
            <>
              <p>{t('import.nothingWritten')}</p>
              <ProblemTable problems={checked.problems} />
            </>
          )}
        </section>
      )}
    </>
  );
}

/** An import's problems by line and column, each in the member's language where this client knows it. */
function ProblemTable({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
  return (
    <div className="table-scroll" role="region" aria-label={t('import.problemsCaption')} tabIndex={0}>
      <table className="data-table problems">
        <caption>{t('import.problemsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.line')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((problem) => (
            <tr key={`${problem.line}|${problem.column}|${problem.code}`}>
              <td className="data-table__number">{problem.line}</td>
              <td>
                <code>{problem.column}</code>
              </td>
              <td>
                {translateIssue(
                  { code: problem.code, params: Object.fromEntries(problem.params.map((p) => [p.name, p.value])) },
                  t,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

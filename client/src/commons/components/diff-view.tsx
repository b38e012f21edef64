import { useTranslation } from 'react-i18next';

export interface DiffLineItem {
  kind: 'ADDED' | 'REMOVED' | 'CONTEXT';
  text: string;
}

export interface DiffHunkItem {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: readonly DiffLineItem[];
}

export interface FieldDiffItem {
  field: string;
  hunks: readonly DiffHunkItem[];
}

const KNOWN_FIELDS = ['kind', 'title', 'summary', 'body', 'tags', 'audiences', 'license', 'site'] as const;
type KnownField = (typeof KNOWN_FIELDS)[number];
const isKnownField = (field: string): field is KnownField => (KNOWN_FIELDS as readonly string[]).includes(field);

/** How many lines a field's change adds and removes. */
export function diffStats(hunks: readonly DiffHunkItem[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind === 'ADDED') added += 1;
      else if (line.kind === 'REMOVED') removed += 1;
    }
  }
  return { added, removed };
}

const MARKER: Record<DiffLineItem['kind'], string> = { ADDED: '+', REMOVED: '−', CONTEXT: ' ' };

/**
 * The changes between two versions, field by field, line by line. Added and removed lines carry
 * a visible + or − and a spoken "Added"/"Removed", and sit in <ins>/<del>: colour is never the
 * only sign of a change.
 */
export function DiffView({ fields }: { fields: readonly FieldDiffItem[] }) {
  const { t } = useTranslation();
  if (fields.length === 0) return <p>{t('commons.diff.same')}</p>;
  return (
    <div className="diff">
      {fields.map((field) => {
        const stats = diffStats(field.hunks);
        return (
          <section key={field.field} className="diff__field">
            <h4 className="diff__field-name">
              {isKnownField(field.field) ? t(`commons.diff.field.${field.field}`) : field.field}{' '}
              <span className="diff__stats muted small">
                {t('commons.diff.stats', { added: stats.added, removed: stats.removed })}
              </span>
            </h4>
            {field.hunks.map((hunk, index) => (
              <div key={index} className="diff__hunk">
                {field.hunks.length > 1 || hunk.oldStart > 1 ? (
                  <p className="diff__where muted small">{t('commons.diff.where', { line: hunk.newStart })}</p>
                ) : null}
                <ol className="diff__lines">
                  {hunk.lines.map((line, i) => (
                    <li key={i} className={`diff__line diff__line--${line.kind.toLowerCase()}`}>
                      <span className="diff__marker" aria-hidden="true">
                        {MARKER[line.kind]}
                      </span>
                      {line.kind === 'ADDED' ? (
                        <ins>
                          <span className="visually-hidden">{t('commons.diff.added')} </span>
                          {line.text || <span className="visually-hidden">{t('commons.diff.emptyLine')}</span>}
                        </ins>
                      ) : line.kind === 'REMOVED' ? (
                        <del>
                          <span className="visually-hidden">{t('commons.diff.removed')} </span>
                          {line.text || <span className="visually-hidden">{t('commons.diff.emptyLine')}</span>}
                        </del>
                      ) : (
                        <span className="diff__context">{line.text || '\u00a0'}</span>
                      )}
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

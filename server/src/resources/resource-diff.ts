import { structuredPatch } from 'diff';
import type { ResourceContent } from './resource.repository';
import { DiffLineKind, type FieldDiff } from './models/resource-diff.model';

/** Unchanged lines shown around each change. */
const CONTEXT_LINES = 3;

const FIELDS: { field: string; text: (content: ResourceContent, siteNames: Map<string, string>) => string }[] = [
  { field: 'kind', text: (c) => c.kind },
  { field: 'title', text: (c) => c.title },
  { field: 'summary', text: (c) => c.summary },
  { field: 'body', text: (c) => c.body },
  { field: 'tags', text: (c) => c.tags.join('\n') },
  { field: 'audiences', text: (c) => c.audiences.join('\n') },
  { field: 'license', text: (c) => c.license },
  { field: 'site', text: (c, names) => (c.siteId ? (names.get(c.siteId) ?? c.siteId) : '') },
];

/**
 * The line diff of two versions of a resource, field by field, for the fields that changed:
 * hunks of added and removed lines with up to three lines of context (Myers' algorithm, as
 * implemented by the `diff` package). Tags and audiences diff one per line.
 */
export function diffResourceVersions(
  from: ResourceContent,
  to: ResourceContent,
  siteNames: Map<string, string>,
): FieldDiff[] {
  const fields: FieldDiff[] = [];
  for (const { field, text } of FIELDS) {
    const before = text(from, siteNames);
    const after = text(to, siteNames);
    if (before === after) continue;
    const patch = structuredPatch('', '', withNewline(before), withNewline(after), '', '', { context: CONTEXT_LINES });
    fields.push({
      field,
      hunks: patch.hunks.map((hunk) => ({
        oldStart: hunk.oldStart,
        oldLines: hunk.oldLines,
        newStart: hunk.newStart,
        newLines: hunk.newLines,
        lines: hunk.lines
          .filter((line) => !line.startsWith('\\'))
          .map((line) => ({
            kind: line[0] === '+' ? DiffLineKind.ADDED : line[0] === '-' ? DiffLineKind.REMOVED : DiffLineKind.CONTEXT,
            text: line.slice(1),
          })),
      })),
    });
  }
  return fields;
}

// Every field ends in a newline, so a changed last line is one removal and one addition rather
// than a "no newline at end of file" marker.
const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

import { useDeferredValue, useMemo } from 'react';
import { renderMarkdownPreview } from '../markdown';

/** The body as it will look once saved. Loaded on demand: it brings the Markdown parser. */
export default function MarkdownPreview({ body, emptyText }: { body: string; emptyText: string }) {
  const deferred = useDeferredValue(body);
  const html = useMemo(() => renderMarkdownPreview(deferred), [deferred]);
  if (!deferred.trim()) return <p className="muted">{emptyText}</p>;
  // Rendered with the server's Markdown settings and sanitised with its allow-list (safe-html.ts).
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}

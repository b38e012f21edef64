import { createMarkdown } from '@commons/shared';
import { cleanMarkdownHtml } from './safe-html';

// The parser the server renders with, so the preview shows what will be saved.
const markdown = createMarkdown();

/** A Markdown body as safe HTML, for the form's preview. */
export function renderMarkdownPreview(body: string): string {
  return cleanMarkdownHtml(markdown.render(body));
}

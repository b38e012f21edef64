import { isSafeUrl, renderExternalImagesAsLinks } from '@commons/shared';
import MarkdownIt from 'markdown-it';
import { cleanMarkdownHtml } from './safe-html';

// The server's settings (server/src/resources/markdown.ts), so the preview shows what will be saved.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
markdown.validateLink = (url: string) => isSafeUrl(url);
renderExternalImagesAsLinks(markdown);

/** A Markdown body as safe HTML, for the form's preview. */
export function renderMarkdownPreview(body: string): string {
  return cleanMarkdownHtml(markdown.render(body));
}

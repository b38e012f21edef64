import MarkdownIt from 'markdown-it';
import { EXTERNAL_IMAGE_CLASS, isExternalImageUrl, isSafeUrl } from './markdown';

// Apart from the allow-lists in markdown.ts, so that code needing only those does not bring the parser.

/**
 * The Markdown parser of Commons, set up once for the server's rendering and the client's preview
 * alike: raw HTML is shown as text, never passed through; links and images are checked as they are
 * parsed (`isSafeUrl`); bare URLs become links; no typographic replacements. Each renderer still
 * sanitises the HTML it produces (MARKDOWN_ALLOWED_*), so a gap in one layer is closed by the other.
 */
export function createMarkdown() {
  const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
  markdown.validateLink = (url: string) => isSafeUrl(url);
  renderExternalImagesAsLinks(markdown);
  return markdown;
}

/**
 * Makes `md` write an image from another site as a link to it, named by its alt text (or its
 * address), with the class EXTERNAL_IMAGE_CLASS: the content policy would block the image and
 * leave a broken one. Images of the app itself (relative URLs, its own files) stay images.
 */
export function renderExternalImagesAsLinks(md: ReturnType<typeof MarkdownIt>): void {
  const image = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const src = String(token.attrGet('src') ?? '');
    if (!isExternalImageUrl(src)) return image ? image(tokens, index, options, env, self) : '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
    const title = token.attrGet('title');
    const titleAttribute = title ? ` title="${md.utils.escapeHtml(String(title))}"` : '';
    // A protocol-relative address is given its https: (links may not be protocol-relative).
    const href = src.trim().startsWith('//') ? `https:${src.trim()}` : src;
    return `<a href="${md.utils.escapeHtml(href)}" class="${EXTERNAL_IMAGE_CLASS}"${titleAttribute}>${md.utils.escapeHtml(alt || src)}</a>`;
  };
}

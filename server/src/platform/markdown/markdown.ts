import {
  createMarkdown,
  MARKDOWN_ALLOWED_ATTRIBUTES,
  MARKDOWN_ALLOWED_CLASSES,
  MARKDOWN_ALLOWED_TAGS,
  MARKDOWN_IMAGE_SCHEMES,
  MARKDOWN_LINK_SCHEMES,
} from '@commons/shared';
import sanitizeHtml from 'sanitize-html';

// The shared parser shows raw HTML as text and checks links as they are parsed; the HTML is
// sanitised again below, so a gap in one layer is closed by the other.
const markdown = createMarkdown();

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...MARKDOWN_ALLOWED_TAGS],
  allowedAttributes: {
    ...Object.fromEntries(
      Object.entries(MARKDOWN_ALLOWED_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes]]),
    ),
    a: [...(MARKDOWN_ALLOWED_ATTRIBUTES.a ?? []), 'rel'],
  },
  allowedClasses: Object.fromEntries(
    Object.entries(MARKDOWN_ALLOWED_CLASSES).map(([tag, classes]) => [tag, [...classes]]),
  ),
  allowedSchemes: [...MARKDOWN_LINK_SCHEMES],
  allowedSchemesByTag: { img: [...MARKDOWN_IMAGE_SCHEMES] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** The HTML of a Markdown body, safe to insert into a page: no script, no handlers, no javascript: links. */
export function renderMarkdown(body: string): string {
  return cleanMarkdownHtml(markdown.render(body));
}

/** HTML with only what Markdown may make of it (the web app cleans it again as it draws it). */
export function cleanMarkdownHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/** The words of a Markdown body as plain text (no markup, no link targets), for search and snippets. */
export function markdownText(body: string): string {
  const blocks: string[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type === 'inline') {
      blocks.push(
        (token.children ?? [])
          .map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.content))
          .join(''),
      );
    } else if (token.type === 'fence' || token.type === 'code_block') {
      blocks.push(token.content.trimEnd());
    }
  }
  return blocks.filter(Boolean).join('\n');
}

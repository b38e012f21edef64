/**
 * What rendered Markdown may contain once sanitised: the structure Markdown produces (headings,
 * lists, tables, code, quotes, links, images) and nothing that runs (no script, style, iframe,
 * form, no event-handler attributes, no inline style).
 */
export const MARKDOWN_ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  's',
  'del',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'sup',
  'sub',
] as const;

/** Attributes allowed per tag; everything else (on*, style, …) is dropped. */
export const MARKDOWN_ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  ol: ['start'],
  th: ['align'],
  td: ['align'],
};

/** The class of the link an external image becomes (see `renderExternalImagesAsLinks`). */
export const EXTERNAL_IMAGE_CLASS = 'md-external-image';

/** Classes allowed per tag: the language of a fenced code block, and the link of an external image. */
export const MARKDOWN_ALLOWED_CLASSES: Record<string, readonly string[]> = {
  code: ['language-*'],
  a: [EXTERNAL_IMAGE_CLASS],
};

/** URL schemes links may use: never javascript:, data: or vbscript:. */
export const MARKDOWN_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
/** URL schemes images may use (no data: URLs, no tracking through odd schemes). */
export const MARKDOWN_IMAGE_SCHEMES = ['http', 'https'] as const;

/**
 * True when `url` may be a link target: a relative URL, a fragment, or an absolute URL with an
 * allowed scheme. Control characters and whitespace inside the scheme (as in "java\tscript:")
 * are removed before the scheme is read, as browsers do.
 */
export function isSafeUrl(url: string, schemes: readonly string[] = MARKDOWN_LINK_SCHEMES): boolean {
  const compact = url.replace(/[\p{Cc} ]/gu, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(compact);
  if (!scheme) return !compact.startsWith('//') || schemes.includes('https');
  return schemes.includes(scheme[1].toLowerCase());
}

/** True when an image's URL is on another site (absolute or protocol-relative): the app's content policy loads images from itself only. */
export function isExternalImageUrl(url: string): boolean {
  return /^(?:[A-Za-z][A-Za-z0-9+.-]*:|\/\/)/.test(url.replace(/[\p{Cc} ]/gu, ''));
}

import {
  isSafeUrl,
  MARKDOWN_ALLOWED_ATTRIBUTES,
  MARKDOWN_ALLOWED_CLASSES,
  MARKDOWN_ALLOWED_TAGS,
  MARKDOWN_IMAGE_SCHEMES,
  MARKDOWN_LINK_SCHEMES,
} from '@commons/shared';
import DOMPurify from 'dompurify';

const ALLOWED_ATTR = [...new Set([...Object.values(MARKDOWN_ALLOWED_ATTRIBUTES).flat(), 'rel', 'class'])];
// Only http(s), mailto, relative links and fragments: the schemes the server lets through.
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Whether `className` is allowed on `tag` by the shared rules ("language-*" on code only). */
function allowedClass(tag: string, className: string): boolean {
  return (MARKDOWN_ALLOWED_CLASSES[tag] ?? []).some((pattern) =>
    pattern.endsWith('*')
      ? className.startsWith(pattern.slice(0, -1)) && /^[\w-]+$/.test(className)
      : className === pattern,
  );
}

const purifier = DOMPurify();

/** How the server cleans Markdown HTML while it draws a page, where DOMPurify has no DOM to work with. */
let serverCleaner: ((html: string) => string) | null = null;

/** Sets (or, with null, removes) the cleaner `cleanMarkdownHtml` uses where there is no DOM (entry-server.tsx). */
export function cleanHtmlOnServerWith(cleaner: ((html: string) => string) | null): void {
  serverCleaner = cleaner;
}

// Without a DOM (the server drawing a page) DOMPurify has no hooks to add.
if (purifier.isSupported) {
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'href' || data.attrName === 'src') {
      // The shared URL rule: DOMPurify alone would let data: images through.
      const schemes = node.nodeName === 'IMG' ? MARKDOWN_IMAGE_SCHEMES : MARKDOWN_LINK_SCHEMES;
      if (!isSafeUrl(data.attrValue, schemes)) data.keepAttr = false;
      return;
    }
    if (data.attrName !== 'class') return;
    const tag = node.nodeName.toLowerCase();
    const kept = data.attrValue.split(/\s+/).filter((name) => name && allowedClass(tag, name));
    if (kept.length) data.attrValue = kept.join(' ');
    else data.keepAttr = false;
  });
}

/**
 * HTML from Markdown, cleaned once more in the browser with the server's own allow-lists of
 * tags, attributes and classes. The server already sanitises `bodyHtml`; this second layer
 * closes any gap in the first, and it is what makes the form's preview safe to show.
 */
export function cleanMarkdownHtml(html: string): string {
  // Drawn on the server (no DOM here): by the cleaner it gives, or not at all.
  if (!purifier.isSupported) return serverCleaner ? serverCleaner(html) : '';
  return purifier.sanitize(html, {
    ALLOWED_TAGS: [...MARKDOWN_ALLOWED_TAGS],
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}

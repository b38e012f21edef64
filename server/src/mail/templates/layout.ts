import type { Locale } from '@commons/shared';

/** What a template produces: the subject, a plain-text part and an accessible HTML part. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** One paragraph, a list of linked items under a heading, or a call to action. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'action'; label: string; url: string }
  | { kind: 'section'; heading: string; url: string | null; items: { text: string; url: string | null }[] };

export interface EmailBody {
  locale: Locale;
  subject: string;
  /** The first line, a greeting or the gist. */
  heading: string;
  blocks: Block[];
  /** Why she gets it and how to stop it (notifications, digests, reminders), or a security note. */
  footer: string[];
  unsubscribe?: { label: string; url: string };
}

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Renders the plain-text and HTML parts from the same blocks, so both say the same. */
export function renderEmail(body: EmailBody): RenderedEmail {
  const text: string[] = [body.heading, ''];
  const html: string[] = [];
  for (const block of body.blocks) {
    switch (block.kind) {
      case 'paragraph':
        text.push(block.text, '');
        html.push(`<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`);
        break;
      case 'quote':
        text.push(
          block.text
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n'),
          '',
        );
        html.push(
          `<blockquote style="margin:0 0 16px;padding-left:12px;border-left:4px solid #767676">${escapeHtml(block.text)}</blockquote>`,
        );
        break;
      case 'action':
        text.push(`${block.label}: ${block.url}`, '');
        html.push(
          `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 16px;background:#1f4e8c;color:#ffffff;text-decoration:underline;border-radius:4px">${escapeHtml(block.label)}</a></p>`,
        );
        break;
      case 'section': {
        text.push(block.url ? `${block.heading} (${block.url})` : block.heading);
        for (const item of block.items) text.push(`  - ${item.text}${item.url ? `\n    ${item.url}` : ''}`);
        text.push('');
        const heading = block.url
          ? `<a href="${escapeHtml(block.url)}">${escapeHtml(block.heading)}</a>`
          : escapeHtml(block.heading);
        const items = block.items
          .map(
            (item) =>
              `<li style="margin:0 0 8px">${item.url ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text)}</li>`,
          )
          .join('');
        html.push(
          `<h2 style="font-size:18px;margin:24px 0 8px">${heading}</h2><ul style="margin:0 0 16px;padding-left:20px">${items}</ul>`,
        );
        break;
      }
    }
  }
  text.push('--');
  text.push(...body.footer);
  if (body.unsubscribe) text.push(`${body.unsubscribe.label}: ${body.unsubscribe.url}`);
  const footer = body.footer.map((line) => `<p style="margin:0 0 8px">${escapeHtml(line)}</p>`).join('');
  const unsubscribe = body.unsubscribe
    ? `<p style="margin:0"><a href="${escapeHtml(body.unsubscribe.url)}">${escapeHtml(body.unsubscribe.label)}</a></p>`
    : '';
  const page = [
    '<!doctype html>',
    `<html lang="${body.locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(body.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5">',
    '<main style="max-width:600px;margin:0 auto;padding:24px">',
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(body.heading)}</h1>`,
    ...html,
    `<footer style="margin-top:32px;padding-top:16px;border-top:1px solid #767676;font-size:14px;color:#4a4a4a">${footer}${unsubscribe}</footer>`,
    '</main></body></html>',
  ].join('\n');
  return { subject: body.subject, text: `${text.join('\n')}\n`, html: page };
}

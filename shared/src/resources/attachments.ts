import { cutText } from '../validation/common';

/** Largest attachment accepted, in bytes (20 MiB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Most attachments one resource may carry. */
export const MAX_ATTACHMENTS_PER_RESOURCE = 20;

/**
 * The file types a resource may carry, by the kind its content (not its name) shows: PDF,
 * office documents (OOXML, OpenDocument, legacy binary) and raster images. SVG is not among
 * them: it can carry script.
 */
export const ATTACHMENT_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { contentType: 'image/gif', extensions: ['gif'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  doc: { contentType: 'application/msword', extensions: ['doc'] },
  xls: { contentType: 'application/vnd.ms-excel', extensions: ['xls'] },
  ppt: { contentType: 'application/vnd.ms-powerpoint', extensions: ['ppt'] },
} as const satisfies Record<string, { contentType: string; extensions: readonly string[] }>;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** Every file extension accepted, e.g. for an `accept` attribute (".pdf,.png,…"). */
export const ATTACHMENT_EXTENSIONS: readonly string[] = Object.values(ATTACHMENT_TYPES).flatMap(
  (type) => type.extensions,
);

/** The lower-case extension of `filename` without the dot, or '' when it has none. */
export function fileExtension(filename: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(filename);
  return match ? match[1].toLowerCase() : '';
}

/**
 * A file name safe to show and to offer back in a download: the last path segment only (no
 * folders, so "../../etc/passwd" becomes "passwd"), without control or bidirectional-override
 * characters, at most 180 characters keeping the extension; "file" when nothing is left. It is
 * only ever a label: files are stored under generated keys.
 */
export function safeFilename(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return 'file';
  if (cleaned.length <= 180) return cleaned;
  const ext = fileExtension(cleaned);
  return ext ? `${cutText(cleaned, 179 - ext.length)}.${ext}` : cutText(cleaned, 180);
}

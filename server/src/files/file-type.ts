import type { AttachmentType } from '@commons/shared';

const startsWith = (data: Buffer, bytes: number[], offset = 0) => bytes.every((byte, i) => data[offset + i] === byte);
const ascii = (data: Buffer, offset: number, length: number) =>
  data.subarray(offset, offset + length).toString('latin1');

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/**
 * What a file is, judged by its bytes: one of the allowed attachment types, or null. PDF and
 * images by their signatures; OOXML and OpenDocument by the entries of their zip archive
 * (macro-enabled documents, which carry a vbaProject, are refused); legacy Office files by
 * their compound-file signature, told apart by `extension` because their header alone cannot.
 */
export function sniffFileType(data: Buffer, extension: string): AttachmentType | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(data, 0, 6) === 'GIF87a' || ascii(data, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 4) === 'WEBP') return 'webp';
  if (startsWith(data, OLE2)) {
    if (extension === 'doc' || extension === 'xls' || extension === 'ppt') return extension;
    return null;
  }
  if (data.length >= 4 && data.readUInt32LE(0) === ZIP_LOCAL) return zipDocumentType(data);
  return null;
}

/** The office format of a zip archive, from its entry names (and ODF's mimetype entry). */
function zipDocumentType(data: Buffer): AttachmentType | null {
  const names = zipEntryNames(data);
  if (!names) return null;
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) return null;
  if (names.includes('[Content_Types].xml')) {
    if (names.some((name) => name.startsWith('word/'))) return 'docx';
    if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
    if (names.some((name) => name.startsWith('ppt/'))) return 'pptx';
    return null;
  }
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the type (after a 30-byte header).
  if (data.length >= 30 && data.readUInt32LE(0) === ZIP_LOCAL && data.readUInt16LE(8) === 0) {
    const nameLength = data.readUInt16LE(26);
    const extraLength = data.readUInt16LE(28);
    const size = data.readUInt32LE(18);
    if (ascii(data, 30, nameLength) === 'mimetype' && size < 100) {
      const start = 30 + nameLength + extraLength;
      const mimetype = ascii(data, start, size);
      if (mimetype === 'application/vnd.oasis.opendocument.text') return 'odt';
      if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
      if (mimetype === 'application/vnd.oasis.opendocument.presentation') return 'odp';
    }
  }
  return null;
}

/** The entry names of a zip archive, read from its central directory; null when it is not one. */
export function zipEntryNames(data: Buffer): string[] | null {
  // The end-of-central-directory record is in the last 22 + 65535 bytes (the comment is at most 64 KiB).
  const from = Math.max(0, data.length - 22 - 0xffff);
  let end = -1;
  for (let i = data.length - 22; i >= from; i -= 1) {
    if (data.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== ZIP_CENTRAL) return null;
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > data.length) return null;
    names.push(data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

import { crc32 } from 'node:zlib';

/** A zip archive of `entries` (stored, not compressed), enough to stand for an office document. */
export function zipOf(entries: [name: string, content: string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, raw] of entries) {
    const content = typeof raw === 'string' ? Buffer.from(raw) : raw;
    const nameBytes = Buffer.from(name);
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, content);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + content.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** Minimal office documents, by the entries their formats are recognised by. */
export const OFFICE_SAMPLES = {
  docx: () =>
    zipOf([
      ['[Content_Types].xml', CONTENT_TYPES],
      ['word/document.xml', '<w:document/>'],
    ]),
  xlsx: () =>
    zipOf([
      ['[Content_Types].xml', CONTENT_TYPES],
      ['xl/workbook.xml', '<workbook/>'],
    ]),
  pptx: () =>
    zipOf([
      ['[Content_Types].xml', CONTENT_TYPES],
      ['ppt/presentation.xml', '<presentation/>'],
    ]),
  docm: () =>
    zipOf([
      ['[Content_Types].xml', CONTENT_TYPES],
      ['word/document.xml', '<w:document/>'],
      ['word/vbaProject.bin', 'macro'],
    ]),
  odt: () =>
    zipOf([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
    ]),
  ods: () =>
    zipOf([
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['content.xml', '<x/>'],
    ]),
  plainZip: () => zipOf([['readme.txt', 'hello']]),
  doc: () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
};

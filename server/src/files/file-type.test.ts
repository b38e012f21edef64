import contentDisposition from 'content-disposition';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../test-support/resources';
import { OFFICE_SAMPLES, zipOf } from '../test-support/zip';
import { assertStorageKey, FileNotFoundError, newStorageKey } from './file-storage';
import { sniffFileType, zipEntryNames } from './file-type';
import { LocalFileStorage } from './local-file-storage';
import { downloadDisposition } from './download-disposition';

describe('sniffFileType', () => {
  it.each<[string, Buffer, string, string | null]>([
    ['a PDF', SAMPLE_FILES.pdf, 'pdf', 'pdf'],
    ['a PNG', SAMPLE_FILES.png, 'png', 'png'],
    ['a JPEG', SAMPLE_FILES.jpeg, 'jpg', 'jpeg'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'gif', 'gif'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'webp', 'webp'],
    ['a Word document', OFFICE_SAMPLES.docx(), 'docx', 'docx'],
    ['a spreadsheet', OFFICE_SAMPLES.xlsx(), 'xlsx', 'xlsx'],
    ['a presentation', OFFICE_SAMPLES.pptx(), 'pptx', 'pptx'],
    ['an OpenDocument text', OFFICE_SAMPLES.odt(), 'odt', 'odt'],
    ['an OpenDocument spreadsheet', OFFICE_SAMPLES.ods(), 'ods', 'ods'],
    ['a legacy Word file', OFFICE_SAMPLES.doc(), 'doc', 'doc'],
    ['a legacy file named as something else', OFFICE_SAMPLES.doc(), 'pdf', null],
    ['a macro-enabled Word document', OFFICE_SAMPLES.docm(), 'docx', null],
    ['a plain zip', OFFICE_SAMPLES.plainZip(), 'docx', null],
    ['HTML', SAMPLE_FILES.html, 'pdf', null],
    ['SVG', SAMPLE_FILES.svg, 'svg', null],
    ['a Windows program', SAMPLE_FILES.exe, 'pdf', null],
    ['an empty file', Buffer.alloc(0), 'pdf', null],
    ['a truncated zip', OFFICE_SAMPLES.docx().subarray(0, 40), 'docx', null],
    [
      'an empty archive cut to 26 bytes',
      Buffer.concat([Buffer.from('PK\x03\x04PK\x05\x06', 'latin1'), Buffer.alloc(18)]),
      'docx',
      null,
    ],
  ])('%s → %s', (_, data, extension, expected) => {
    expect(sniffFileType(data, extension)).toBe(expected);
  });

  it('never throws on a damaged document: every truncation and many corrupted bytes are "not a document" or the document', () => {
    for (const [extension, make] of Object.entries({
      docx: OFFICE_SAMPLES.docx,
      odt: OFFICE_SAMPLES.odt,
      xlsx: OFFICE_SAMPLES.xlsx,
    })) {
      const whole = make();
      for (let length = 0; length <= whole.length; length += 1) {
        expect(
          () => sniffFileType(whole.subarray(0, length), extension),
          `${extension} cut to ${length} bytes`,
        ).not.toThrow();
      }
      let seed = 7;
      for (let trial = 0; trial < 500; trial += 1) {
        const damaged = Buffer.from(whole);
        seed = (seed * 48271) % 2147483647;
        damaged[seed % damaged.length] = seed & 0xff;
        expect(
          () => sniffFileType(damaged, extension),
          `${extension} damaged at ${seed % damaged.length}`,
        ).not.toThrow();
      }
    }
  });

  it('reads zip entry names from the central directory, and refuses a directory pointing outside the file', () => {
    expect(
      zipEntryNames(
        zipOf([
          ['a.txt', 'x'],
          ['b/c.xml', 'y'],
        ]),
      ),
    ).toEqual(['a.txt', 'b/c.xml']);
    const broken = zipOf([['a.txt', 'x']]);
    broken.writeUInt32LE(0xffffff, broken.length - 6);
    expect(zipEntryNames(broken)).toBeNull();
  });
});

describe('the Content-Disposition of a download', () => {
  it.each([
    'plan.pdf',
    'Årsrapport för Uppsala.pdf',
    'say "hi"; x=1.pdf',
    "it's (1).pdf",
    'Zoë – plan.pdf',
    '日本語.docx',
  ])('%j reads back as exactly that name, only as an attachment, in ASCII', (filename) => {
    const header = downloadDisposition(filename);
    expect(contentDisposition.parse(header)).toEqual({ type: 'attachment', parameters: { filename } });
    expect(header).toMatch(/^[\x20-\x7e]*$/);
  });
});

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;
  const key = newStorageKey('0f8fad5b-d9cb-469f-a165-70867728950e');

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'commons-files-'));
    storage = new LocalFileStorage(path.join(root, 'files'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('puts, gets and deletes a file under its key', async () => {
    await storage.put(key, Buffer.from('hello'));
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    expect(await readdir(path.join(root, 'files', 'attachments', '0f'))).toEqual([
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    ]);

    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    'attachments/0f/../../../etc/passwd',
    'attachments/0f/not-a-uuid',
    'attachments/../0f8fad5b-d9cb-469f-a165-70867728950e',
    '',
  ])('refuses the key %j, which the app never makes', async (bad) => {
    expect(() => assertStorageKey(bad)).toThrow('Refusing storage key');
    await expect(storage.put(bad, Buffer.from('x'))).rejects.toThrow('Refusing storage key');
    await expect(storage.get(bad)).rejects.toThrow('Refusing storage key');
  });
});

import { MAX_ATTACHMENT_BYTES } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { fileKind, formatBytes } from './format';

describe('formatBytes', () => {
  it.each([
    [604, 'en-GB', '0.6 kB'],
    [12_800, 'en-GB', '13 kB'],
    [1_468_006, 'en-GB', '1.4 MB'],
    [MAX_ATTACHMENT_BYTES, 'en-GB', '20 MB'],
    [1_468_006, 'sv', '1,4 MB'],
  ])('%d bytes in %s → %s', (bytes, locale, text) => {
    expect(formatBytes(bytes, locale).replace(/\u00a0/g, ' ')).toBe(text);
  });
});

describe('fileKind', () => {
  it.each([
    ['application/pdf', 'pdf'],
    ['image/webp', 'image'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'document'],
    ['application/vnd.ms-excel', 'spreadsheet'],
    ['application/vnd.oasis.opendocument.presentation', 'presentation'],
    ['application/octet-stream', null],
  ])('%s → %s', (contentType, kind) => {
    expect(fileKind(contentType)).toBe(kind);
  });
});

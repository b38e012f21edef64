import contentDisposition from 'content-disposition';

/**
 * `attachment` with the file's name: plain ASCII in `filename` (other characters as `_`) and,
 * when that is not the name itself, the exact name in `filename*`. Header bytes beyond ASCII are
 * read differently by different browsers, so none are sent.
 */
export function downloadDisposition(filename: string): string {
  return contentDisposition(filename, { fallback: filename.replace(/[^\x20-\x7e]/g, '_') });
}

import { describe, expect, it } from 'vitest';
import { createMarkdown } from './markdown-parser';

describe('createMarkdown (the one parser of the server and the client preview)', () => {
  const markdown = createMarkdown();

  it('shows raw HTML as text', () => {
    expect(markdown.render('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('refuses unsafe links as they are parsed, and links bare URLs', () => {
    expect(markdown.render('[x](javascript:alert(1))')).not.toContain('href');
    expect(markdown.render('see https://example.org')).toContain(
      '<a href="https://example.org">https://example.org</a>',
    );
  });

  it('makes no typographic replacements', () => {
    expect(markdown.render('"quoted" -- (c)')).toBe('<p>&quot;quoted&quot; -- (c)</p>\n');
  });
});

import { describe, expect, it } from 'vitest';
import { markdownText, renderMarkdown } from './markdown';

/** The attributes of real (not escaped) tags in `html`. */
const realLinks = (html: string) => [...html.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]*)"/gi)].map((m) => m[1]);

describe('renderMarkdown', () => {
  it.each([
    ['an inline javascript: link', '[x](javascript:alert(1))'],
    ['a reference-style javascript: link', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['an autolink', '<javascript:alert(1)>'],
    ['an entity-encoded scheme', '[x](jav&#x61;script:alert(1))'],
    ['a scheme broken by a tab', '[x](java\tscript:alert(1))'],
    ['a data: URL link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+)'],
    ['a vbscript: link', '[x](vbscript:msgbox(1))'],
    ['a file: link', '[x](file:///etc/passwd)'],
  ])('leaves no live link from %s', (_, body) => {
    const html = renderMarkdown(body);
    for (const url of realLinks(html)) expect(url).toMatch(/^(https?:|mailto:|#|\/(?!\/))/);
    expect(html).not.toMatch(/<a\s[^>]*href="\s*(javascript|data|vbscript|file)/i);
  });

  it.each([
    ['script', '<script>alert(1)</script>'],
    ['an event handler', '<img src=x onerror=alert(1)>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style', '<style>body{display:none}</style>'],
    ['a form', '<form action="https://evil.example"><input name=x></form>'],
    ['an svg', '<svg onload=alert(1)></svg>'],
  ])('shows raw HTML (%s) as text, never as markup', (_, body) => {
    const html = renderMarkdown(body);
    expect(html).not.toMatch(/<(script|img|iframe|style|form|input|svg)\b/i);
    expect(html).toContain('&lt;');
  });

  it('keeps what Markdown is for: headings, emphasis, lists, tables, code with its language, safe links', () => {
    const html = renderMarkdown(
      '## Plan\n\n*calm* and **clear**\n\n1. one\n2. two\n\n```js\nlet x = 1;\n```\n\nSee https://example.org and [mail](mailto:a@example.org).',
    );
    expect(html).toContain('<h2>Plan</h2>');
    expect(html).toContain('<em>calm</em> and <strong>clear</strong>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<code class="language-js">');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow">https://example.org</a>');
    expect(html).toContain('<a href="mailto:a@example.org" rel="noopener noreferrer nofollow">mail</a>');
  });

  it("writes an image from another site as a labelled link (the content policy would block it), and keeps the app's own images", () => {
    const html = renderMarkdown(
      '![Flare diary](https://images.example.org/diary.png "A week") and ![](//cdn.example.org/x.png) and ![Logo](/files/4f1c/logo.png)',
    );

    expect(html).toContain(
      '<a href="https://images.example.org/diary.png" class="md-external-image" title="A week" rel="noopener noreferrer nofollow">Flare diary</a>',
    );
    expect(html).toContain(
      '<a href="https://cdn.example.org/x.png" class="md-external-image" rel="noopener noreferrer nofollow">//cdn.example.org/x.png</a>',
    );
    expect(html).toContain('<img src="/files/4f1c/logo.png" alt="Logo" />');
    expect(html).not.toMatch(/<img[^>]+example\.org/);
  });

  it("drops classes other than a code block's language", () => {
    expect(renderMarkdown('```evil" onmouseover="alert(1)\ncode\n```')).not.toMatch(/onmouseover="/);
  });
});

describe('markdownText', () => {
  it('keeps the words, without markup or link targets', () => {
    expect(
      markdownText(
        '# Flare plan\n\nCall **the nurse** at [our page](https://example.org/ibd).\n\n- one\n- two\n\n```\ncode line\n```',
      ),
    ).toBe('Flare plan\nCall the nurse at our page.\none\ntwo\ncode line');
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdownPreview } from './markdown';
import { cleanMarkdownHtml } from './safe-html';

describe('cleanMarkdownHtml', () => {
  it('keeps what Markdown makes', () => {
    const html =
      '<h2>Plan</h2><p><strong>Call</strong> <a href="https://example.org" rel="noopener">us</a></p><pre><code class="language-js">x</code></pre>';
    expect(cleanMarkdownHtml(html)).toBe(html);
  });

  it('drops scripts, handlers, styles, javascript: links and classes that are not a code language', () => {
    const html =
      '<p onclick="steal()" style="color:red" class="skip-link">hi</p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="data:image/png;base64,AAAA" alt="d"><iframe src="https://evil.example"></iframe>';
    expect(cleanMarkdownHtml(html)).toBe('<p>hi</p><a>x</a><img alt="d">');
  });
});

describe('renderMarkdownPreview', () => {
  it('renders Markdown as the server does, raw HTML shown as text', () => {
    expect(renderMarkdownPreview('# Flare plan\n\n- **Call** the team\n\n<script>alert(1)</script>')).toBe(
      '<h1>Flare plan</h1>\n<ul>\n<li><strong>Call</strong> the team</li>\n</ul>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });

  it('makes no link of a javascript: URL', () => {
    expect(renderMarkdownPreview('[click](javascript:alert(1))')).not.toContain('href');
  });
});

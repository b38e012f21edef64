import { describe, expect, it } from 'vitest';
import { renderMarkdownPreview } from './markdown';

describe('the Markdown preview', () => {
  it("shows an image from another site as a labelled link, as the server saves it, and keeps the app's own images", () => {
    const html = renderMarkdownPreview(
      '![Flare diary](https://images.example.org/diary.png) ![Logo](/files/4f1c/logo.png)',
    );
    const page = document.createElement('div');
    page.innerHTML = html;

    const link = page.querySelector('a.md-external-image');
    expect(link?.getAttribute('href')).toBe('https://images.example.org/diary.png');
    expect(link?.textContent).toBe('Flare diary');
    expect(page.querySelectorAll('img')).toHaveLength(1);
    expect(page.querySelector('img')?.getAttribute('src')).toBe('/files/4f1c/logo.png');
  });
});

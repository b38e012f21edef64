import { describe, expect, it } from 'vitest';
import { PAGE_FILE, type PageBranch, pageBranchFor, pageParams, rankPageBranches } from './page-branches';

const branch = (path: string, index = false): PageBranch => ({ path, index, files: [`/assets/${path}.js`] });

/** In the order the app's routes declare them: the ranking, not the order, decides. */
const ranked = rankPageBranches([
  branch('/n/:slug/commons/:resourceId'),
  branch('/n/:slug/commons/new'),
  branch('/n/:slug/commons/:resourceId/edit'),
  branch('/n/:slug', true),
  branch('/n/:slug/*'),
  branch('/profile'),
]);
const pathFor = (pathname: string) => pageBranchFor(ranked, pathname)?.path ?? null;

describe('the page an address opens, as the app router finds it', () => {
  it('prefers a fixed segment to a parameter, whatever the order the routes are declared in', () => {
    expect(pathFor('/n/northstar/commons/new')).toBe('/n/:slug/commons/new');
    expect(pathFor('/n/northstar/commons/r1')).toBe('/n/:slug/commons/:resourceId');
    expect(pathFor('/n/northstar/commons/r1/edit')).toBe('/n/:slug/commons/:resourceId/edit');
  });

  it('opens an index route at its parent address, and a splat only where nothing else fits', () => {
    expect(pathFor('/n/northstar')).toBe('/n/:slug');
    expect(pathFor('/n/northstar/')).toBe('/n/:slug');
    expect(pathFor('/n/northstar/anything/else')).toBe('/n/:slug/*');
  });

  it('ignores case and trailing slashes, and needs every segment filled', () => {
    expect(pathFor('/PROFILE/')).toBe('/profile');
    expect(pathFor('/n')).toBeNull();
    expect(pathFor('/profiles')).toBeNull();
    expect(pathFor('/')).toBeNull();
  });
});

describe("the values an address gives a route's parameters", () => {
  it('decodes each as the router does, whatever the case of the fixed segments and a trailing slash', () => {
    expect(pageParams('/n/:slug/commons/:resourceId', '/n/north%20star/Commons/r1/')).toEqual({
      slug: 'north star',
      resourceId: 'r1',
    });
    expect(pageParams('/profile', '/profile')).toEqual({});
  });

  it('gives none for another route, or a value that does not decode', () => {
    expect(pageParams('/n/:slug/commons/:resourceId', '/n/northstar/commons/r1/edit')).toBeNull();
    expect(pageParams('/n/:slug/ideas/:ideaId', '/n/northstar/ideas/%E0%A4%A')).toBeNull();
  });
});

describe('the files a page may link', () => {
  it('are scripts and stylesheets of the assets folder with plain names', () => {
    expect(PAGE_FILE.test('/assets/pages-shared-0MVEXRyk.js')).toBe(true);
    expect(PAGE_FILE.test('/assets/home-page-DMacPWb2.css')).toBe(true);
  });

  it('exclude anything else: other folders, other kinds, characters an attribute or a path could misread', () => {
    for (const file of [
      '/assets/pages-shared~home-page~idea-page-BUa20agg.js',
      '/assets/../server.js',
      '/other/app.js',
      '/assets/app.js.map',
      '/assets/a b.js',
      '/assets/a".js',
      'https://elsewhere.example/assets/app.js',
    ])
      expect(PAGE_FILE.test(file), file).toBe(false);
  });
});

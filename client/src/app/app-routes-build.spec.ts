import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pageBranchFor, rankPageBranches } from '@commons/shared';
import { describe, expect, it } from 'vitest';
import { pageBranches, readAppRoutes } from '../../build/page-files';
import { chunksFor } from './app-routes';

const source = await readFile(path.join(import.meta.dirname, 'app-routes.tsx'), 'utf8');

/** An address that the route path opens (`:slug` filled in). */
const addressOf = (routePath: string) => routePath.replace(/:[\w-]+/g, (param) => `${param.slice(1)}-1`);

describe("the build's reading of the app's routes (client/build/page-files.ts)", () => {
  const { pages, routes } = readAppRoutes(source);
  const branches = pageBranches(routes);
  const exportNames = (names: string[]) => names.map((name) => pages.get(name)?.exportName);

  it('finds every lazy page and the module it comes from', () => {
    expect(pages.get('HomePage')).toEqual({ specifier: '../home/pages/home-page', exportName: 'HomePage' });
    expect(pages.get('AimSection')).toEqual({ specifier: '../aims/components/aim-section', exportName: 'AimSection' });
    expect(pages.size).toBeGreaterThan(30);
  });

  it('lists, for every page, the chunks the router draws it with, and the server finds that page for its address', () => {
    const ranked = rankPageBranches(branches.map((branch) => ({ ...branch, files: [] })));
    expect(branches.length).toBeGreaterThan(30);
    for (const branch of branches) {
      const address = addressOf(branch.path);
      expect(exportNames(branch.pages), address).toEqual(chunksFor(address).map((chunk) => chunk.chunk));
      expect(pageBranchFor(ranked, address)?.path, address).toBe(branch.path);
    }
    expect(branches.find((branch) => branch.path === '/n/:slug/measures/:measureId')?.pages).toEqual([
      'AimSection',
      'MeasureChartPage',
    ]);
  });

  it('refuses to build from a route it cannot read, naming its line', () => {
    const unreadable = source.replace("page('/setup', SetupPage),", "page('/setup', SetupPage),\n    ...extraRoutes,");
    expect(() => readAppRoutes(unreadable)).toThrow(/app-routes\.tsx line \d+: the build cannot read this route/);
  });
});

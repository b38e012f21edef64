import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import type { Plugin, Rollup } from 'vite';
import { PAGE_FILE } from '../../shared/src/web/page-branches';

/**
 * Where the build writes, for each page of the app, the files its own chunks need beyond the
 * entry's: the server names them in a signed-in member's page (server/src/web/page-preloads.ts).
 */
const PAGE_FILES_FILE = '.vite/page-files.json';

/** A route of app-routes.tsx as the build reads it: its path and the chunk that draws it, if any. */
export interface RouteNode {
  path?: string;
  index?: boolean;
  /** The name of the `lazyPage` constant that draws this route (a page or a layout). */
  page?: string;
  children: RouteNode[];
}

/** A page the router can open: its full path and the chunks drawing it, outermost first. */
export interface RouteBranch {
  path: string;
  index: boolean;
  pages: string[];
}

/** A lazy page of app-routes.tsx: the module it is imported from and the name it is exported as. */
export interface LazyPageSource {
  specifier: string;
  exportName: string;
}

function unreadable(node: ts.Node): Error {
  const { line } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
  return new Error(
    `app-routes.tsx line ${line + 1}: the build cannot read this route (\`${node.getText().slice(0, 80)}\`); ` +
      'write it with page(), layout(), or an object of path/index/element/handle/children',
  );
}

function routesOf(node: ts.Expression): RouteNode[] {
  if (!ts.isArrayLiteralExpression(node)) throw unreadable(node);
  return node.elements.map(routeOf);
}

function routeOf(node: ts.Expression): RouteNode {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const [first, second, third] = node.arguments;
    if (node.expression.text === 'page' && first && ts.isStringLiteral(first) && second && ts.isIdentifier(second))
      return { path: first.text, page: second.text, children: third ? routesOf(third) : [] };
    if (node.expression.text === 'layout' && first && ts.isIdentifier(first) && second)
      return { page: first.text, children: routesOf(second) };
  }
  if (!ts.isObjectLiteralExpression(node)) throw unreadable(node);
  const route: RouteNode = { children: [] };
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) throw unreadable(property);
    const value = property.initializer;
    const name = property.name.text;
    if (name === 'path' && ts.isStringLiteral(value)) route.path = value.text;
    else if (name === 'index' && value.kind === ts.SyntaxKind.TrueKeyword) route.index = true;
    else if (name === 'handle' && ts.isIdentifier(value)) route.page = value.text;
    else if (name === 'children') route.children = routesOf(value);
    else if (name !== 'element') throw unreadable(property);
  }
  return route;
}

/** The lazy pages and the route tree (`appRoutes`) that app-routes.tsx declares. */
export function readAppRoutes(source: string): { pages: Map<string, LazyPageSource>; routes: RouteNode[] } {
  const file = ts.createSourceFile('app-routes.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const pages = new Map<string, LazyPageSource>();
  let routes: RouteNode[] | null = null;
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const { name, initializer } of statement.declarationList.declarations) {
      if (!ts.isIdentifier(name) || !initializer) continue;
      if (name.text === 'appRoutes') routes = routesOf(initializer);
      if (!ts.isCallExpression(initializer) || initializer.expression.getText() !== 'lazyPage') continue;
      const [loader, exported] = initializer.arguments;
      const load = loader && ts.isArrowFunction(loader) && ts.isCallExpression(loader.body) ? loader.body : null;
      const specifier = load?.expression.kind === ts.SyntaxKind.ImportKeyword ? load.arguments[0] : undefined;
      if (!specifier || !ts.isStringLiteral(specifier) || !exported || !ts.isStringLiteral(exported))
        throw unreadable(initializer);
      pages.set(name.text, { specifier: specifier.text, exportName: exported.text });
    }
  }
  if (!routes) throw new Error('app-routes.tsx: no `appRoutes` array found');
  return { pages, routes };
}

const joinPath = (parent: string, child: string | undefined) =>
  child === undefined ? parent : child.startsWith('/') ? child : `${parent.replace(/\/$/, '')}/${child}`;

/** Every route that opens a page drawn by at least one chunk of its own, with those chunks, outermost first. */
export function pageBranches(routes: RouteNode[], parentPath = '', parentPages: string[] = []): RouteBranch[] {
  return routes.flatMap((route) => {
    const path = joinPath(parentPath, route.path);
    const pages = route.page ? [...parentPages, route.page] : parentPages;
    const opens = (route.path !== undefined || route.index === true) && pages.length > 0;
    return [
      ...pageBranches(route.children, path, pages),
      ...(opens ? [{ path: path || '/', index: route.index === true, pages }] : []),
    ];
  });
}

type Chunk = Rollup.OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

/** A chunk's file, the chunks it imports statically (all of them, in turn), and their stylesheets. */
function filesOf(chunk: Chunk, chunks: Map<string, Chunk>, into = new Set<string>()): Set<string> {
  if (into.has(chunk.fileName)) return into;
  into.add(chunk.fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) into.add(css);
  for (const imported of chunk.imports) {
    const next = chunks.get(imported);
    if (next) filesOf(next, chunks, into);
  }
  return into;
}

/**
 * Writes PAGE_FILES_FILE: for each page of the app (app-routes.tsx, `routesFile`), the script and
 * stylesheet files of its chunks that the entry does not load already. A browser opening a page
 * otherwise learns of them only once the entry's scripts have run.
 */
export function pageFiles(routesFile: string, entryName = 'app'): Plugin {
  let outDir = 'dist';
  return {
    name: 'commons:page-files',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // Once written, when the bundle is final: Vite drops the empty script of a stylesheet-only chunk late.
    async writeBundle(_options, bundle) {
      const { pages, routes } = readAppRoutes(await readFile(routesFile, 'utf8'));
      const chunks = new Map(
        Object.values(bundle)
          .filter((output): output is Chunk => output.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.name === entryName);
      if (!entry) throw new Error(`page-files: no entry chunk named ${entryName}`);
      const loadedAtStart = filesOf(entry, chunks);
      const filesByPage = new Map<string, string[]>();
      for (const [name, { specifier }] of pages) {
        const id = (await this.resolve(specifier, routesFile))?.id;
        const chunk =
          [...chunks.values()].find((candidate) => candidate.facadeModuleId === id) ??
          [...chunks.values()].find((candidate) => id !== undefined && candidate.moduleIds.includes(id));
        if (!chunk) throw new Error(`page-files: no chunk holds ${specifier} (${name})`);
        filesByPage.set(
          name,
          [...filesOf(chunk, chunks)].filter((file) => file in bundle && !loadedAtStart.has(file)),
        );
      }
      const branches = pageBranches(routes).map(({ path: routePath, index, pages: drawnBy }) => ({
        path: routePath,
        index,
        files: [...new Set(drawnBy.flatMap((page) => filesByPage.get(page) ?? []))].map((file) => `/${file}`),
      }));
      // The server would leave such a page without its links, silently: a build step's naming is to blame.
      const unlinkable = branches.flatMap((branch) => branch.files).find((file) => !PAGE_FILE.test(file));
      if (unlinkable) throw new Error(`page-files: the server links no file named like ${unlinkable}`);
      const file = path.join(outDir, PAGE_FILES_FILE);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify({ branches }));
    },
  };
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/** A `graphql(`…`)` call of the codegen client preset, with its document text. */
const GRAPHQL_CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
/** A call standing alone: it only defines fragments for codegen, which documents carry themselves here. */
const FRAGMENT_ONLY_STATEMENT = /^graphql\(\s*`[^`]*`\s*\);?[ \t]*$/gm;
const FRAGMENT_DEFINITION = /\bfragment\s+(\w+)\s+on\b/g;
const FRAGMENT_SPREAD = /\.\.\.\s*(\w+)/g;
const OPERATION_NAME = /^\s*query\s+(\w+)/;
/**
 * Where the build writes each query's text as the app sends it, by operation name: the server runs
 * the queries a page starts with before it sends the page (server/src/web/start-data.ts).
 */
const QUERY_DOCUMENTS_FILE = '.vite/query-documents.json';
const GRAPHQL_IMPORT = /^import\s*\{\s*graphql\s*\}\s*from\s*['"][./]+(?:\/[\w-]+)*\/gql['"];?\s*$/m;

/** The fragment names a document uses, its own spreads and theirs. */
function fragmentsUsed(source: string, fragments: Map<string, string>, seen = new Set<string>()): Set<string> {
  for (const [, name] of source.matchAll(FRAGMENT_SPREAD)) {
    if (seen.has(name) || !fragments.has(name)) continue;
    seen.add(name);
    fragmentsUsed(fragments.get(name)!, fragments, seen);
  }
  return seen;
}

/**
 * Builds the app without the client preset's registry of every document (one module holding the
 * parsed tree of each operation, loaded at start): each `graphql(`…`)` call becomes the text of
 * its document, with the fragments it spreads, in the chunk of the page that uses it. urql parses
 * the text when the operation first runs. Development and tests keep the registry.
 */
export function inlineGraphqlDocuments(sourceDir: string): Plugin {
  const fragments = new Map<string, string>();
  const queries = new Map<string, string>();
  return {
    name: 'commons:inline-graphql',
    apply: 'build',
    enforce: 'pre',
    async buildStart() {
      fragments.clear();
      queries.clear();
      const entries = await readdir(sourceDir, { withFileTypes: true, recursive: true });
      for (const entry of entries) {
        const file = path.join(entry.parentPath, entry.name);
        if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || file.includes(`${path.sep}gql${path.sep}`)) continue;
        const code = await readFile(file, 'utf8');
        for (const [, source] of code.matchAll(GRAPHQL_CALL)) {
          for (const [, name] of source.matchAll(FRAGMENT_DEFINITION)) fragments.set(name, source.trim());
        }
      }
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes(`${path.sep}gql${path.sep}`) || !code.includes('graphql(')) return null;
      let replaced = 0;
      const withoutFragmentStatements = code.replace(FRAGMENT_ONLY_STATEMENT, () => {
        replaced += 1;
        return '';
      });
      const inlined = withoutFragmentStatements.replace(GRAPHQL_CALL, (_call, source: string) => {
        replaced += 1;
        const own = source.trim();
        const defined = new Set([...own.matchAll(FRAGMENT_DEFINITION)].map(([, name]) => name));
        const extra = [...fragmentsUsed(own, fragments)]
          .filter((name) => !defined.has(name))
          .map((name) => fragments.get(name)!);
        // A fragment defined in one file and spread in another is sent once, with each document using it.
        const unique = [...new Set(extra)];
        const text = [own, ...unique].join('\n');
        const name = OPERATION_NAME.exec(own)?.[1];
        if (name) queries.set(name, text);
        return JSON.stringify(text);
      });
      if (replaced === 0) return null;
      const withoutImport = /\bgraphql\(/.test(inlined) ? inlined : inlined.replace(GRAPHQL_IMPORT, '');
      return { code: withoutImport, map: null };
    },
    generateBundle() {
      const byName = Object.fromEntries([...queries].sort(([a], [b]) => a.localeCompare(b)));
      this.emitFile({ type: 'asset', fileName: QUERY_DOCUMENTS_FILE, source: JSON.stringify(byName) });
    },
  };
}

// `npm run lint:deps`: cruises src/ and ../shared/src with the rules of .dependency-cruiser.cjs, prints their
// violations and, as dependency-cruiser cannot collapse folders before validating, also checks
// that no capabilities (the folders under src/) import each other in a cycle. Exits non-zero
// when it finds either.
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const capabilityOf = (path) => /^src\/([^/]+)\//.exec(path)?.[1] ?? null;

/** The import edges between capabilities, each with one file-level import that makes it. */
function capabilityEdges(modules) {
  const edges = new Map();
  for (const module of modules) {
    const from = capabilityOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = capabilityOf(dependency.resolved);
      if (!to || to === from) continue;
      const key = `${from}\t${to}`;
      if (!edges.has(key)) edges.set(key, `${module.source} → ${dependency.resolved}`);
    }
  }
  return edges;
}

/** Strongly connected groups of more than one capability (Tarjan). */
function cycles(edges) {
  const next = new Map();
  for (const key of edges.keys()) {
    const [from, to] = key.split('\t');
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const found = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) === index.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** @param {import('dependency-cruiser').ICruiseResult} result */
function layeringReport(result) {
  const lines = [];
  for (const violation of result.summary.violations) {
    const via = violation.cycle ? ` (cycle: ${violation.cycle.map((step) => step.name ?? step).join(' → ')})` : '';
    lines.push(`  ${violation.rule.name}: ${violation.from} → ${violation.to}${via}`);
  }
  const edges = capabilityEdges(result.modules);
  const groups = cycles(edges);
  for (const group of groups) {
    lines.push(`  no-capability-cycle: ${group.join(', ')} import each other in a cycle:`);
    for (const [key, example] of edges) {
      const [from, to] = key.split('\t');
      if (group.includes(from) && group.includes(to)) lines.push(`      ${from} → ${to}  (${example})`);
    }
  }
  const problems = result.summary.violations.length + groups.length;
  const counted = `${result.summary.totalCruised} modules, ${result.summary.totalDependenciesCruised} dependencies`;
  return {
    output: problems
      ? `${lines.join('\n')}\n\n✘ ${problems} layering violations (${counted})\n`
      : `✔ layering holds (${counted})\n`,
    exitCode: problems ? 1 : 0,
  };
}

process.chdir(new URL('..', import.meta.url).pathname);
const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output } = await cruise(['src', '../shared/src'], { ...options, outputType: 'json' }, undefined, {
  tsConfig: extractTSConfig('tsconfig.json'),
});
const report = layeringReport(typeof output === 'string' ? JSON.parse(output) : output);
process.stdout.write(report.output);
process.exitCode = report.exitCode;

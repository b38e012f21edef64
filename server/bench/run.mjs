// `npm run bench`: prints the figures each issue asks for. Run on an otherwise idle machine.
import { benchDirectory, benchStart } from './foundation.mjs';
import { benchCharts, benchReport } from './measures.mjs';
import { benchSearch } from './commons.mjs';
import { benchThreads } from './threads.mjs';
import { benchHardening } from './hardening.mjs';
import { benchDigest } from './digest.mjs';

const only = process.argv[2];
const suites = {
  start: benchStart,
  directory: benchDirectory,
  charts: benchCharts,
  report: benchReport,
  search: benchSearch,
  threads: benchThreads,
  hardening: benchHardening,
  digest: benchDigest,
};
console.log(`Commons benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  await run();
}

// Shared helpers for the benchmarks: start the built server, time requests, print percentiles.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function withAdmin(work) {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(name) {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts server/dist/main.js with `env` (and Node flags such as --cpu-prof); resolves once /readyz
 * answers 200, with the time it took and the server's pid.
 */
export async function startServer(env, nodeArgs = []) {
  const port = await freePort();
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const fromEnv = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...fromEnv, path.join(REPO_ROOT, 'server/dist/main.js')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited before it was ready');
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (performance.now() - started > 180_000) throw new Error('server not ready in 180 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const readyMs = performance.now() - started;
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, readyMs, stop, pid: child.pid };
}

export async function graphql(url, query, variables = {}, cookie) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-commons-csrf': '1', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { body, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

/**
 * Sends `total` requests from `concurrency` clients in parallel and returns latency percentiles
 * (ms) measured per request from send to the full body, after `warmup` untimed requests.
 */
export async function measure({ total, concurrency, warmup = 50, request }) {
  for (let i = 0; i < warmup; i += 1) await request();
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t0 = performance.now();
        await request();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ...percentiles(latencies), perSecond: latencies.length / seconds };
}

/** Count, p50, p95, p99 and max of latencies in ms. */
export function percentiles(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) };
}

export function report(name, figures) {
  const cells = Object.entries(figures).map(
    ([key, value]) => `${key}=${typeof value === 'number' ? value.toFixed(key === 'count' ? 0 : 1) : value}`,
  );
  console.log(`${name.padEnd(48)} ${cells.join('  ')}`);
}

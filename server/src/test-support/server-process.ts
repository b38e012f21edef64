import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const BUILT_SERVER = path.resolve(__dirname, '../../dist/main.js');

/** A TCP port nobody listens on at the moment of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The built server (`npm run build`) running as its own operating-system process. */
export class ServerProcess {
  private output = '';

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000)));
  }

  /** Starts `server/dist/main.js` with `env` on a free port; resolves once /readyz answers. */
  static async start(env: Record<string, string>): Promise<ServerProcess> {
    if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run \`npm run build\` first`);
    const port = await freePort();
    const child = spawn(process.execPath, [BUILT_SERVER], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const server = new ServerProcess(`http://127.0.0.1:${port}`, child);
    // Never outlive the test run, whatever happens to it.
    const orphanGuard = () => child.kill('SIGKILL');
    process.once('exit', orphanGuard);
    child.once('exit', () => process.off('exit', orphanGuard));
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server process exited (${child.exitCode}): ${server.output}`);
      if (
        await fetch(`${server.url}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return server;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  get pid() {
    return this.child.pid;
  }

  /** Kills the process without warning (a node dying): no draining, no goodbye to Redis. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** Stops the process as an orchestrator does (SIGTERM, then it drains and exits). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

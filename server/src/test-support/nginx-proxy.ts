import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process';

/** The proxy configuration compose ships (docker/), rendered by the official nginx image at start. */
export const NGINX_TEMPLATE = path.resolve(__dirname, '../../../docker/nginx.conf.template');

/** The variables the template takes; compose sets them on the nginx service (NGINX_ENVSUBST_FILTER=^COMMONS_). */
export interface ProxyTemplateVariables {
  COMMONS_PROXY_LISTEN: string;
  COMMONS_APP_1: string;
  COMMONS_APP_2: string;
}

/**
 * Renders a template as the official image does (`envsubst` restricted to the defined variables):
 * `${NAME}` and `$NAME` of those variables are replaced, every other `$` is left to nginx. Throws
 * when a COMMONS_* variable stays unrendered, as nginx would fail on it later with a vaguer message.
 */
export function renderTemplate(template: string, variables: Record<string, string>): string {
  let rendered = template;
  for (const [name, value] of Object.entries(variables)) {
    rendered = rendered.replace(new RegExp(`\\$\\{${name}\\}|\\$${name}(?![A-Za-z0-9_])`, 'g'), () => value);
  }
  const left = /\$\{?(COMMONS_[A-Za-z0-9_]*)/.exec(rendered.replace(/^\s*#.*$/gm, ''));
  if (left) throw new Error(`${left[1]} is used by the template but has no value`);
  return rendered;
}

/** nginx on this machine, or a failure that says how to get it (the topology test must never skip). */
export function nginxBinary(): string {
  const candidates = [
    process.env.NGINX_BIN,
    '/usr/sbin/nginx',
    ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'nginx')),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    'nginx is not installed: the topology test runs the shipped proxy configuration in a real nginx. Install it with `apt-get install nginx` (or set NGINX_BIN).',
  );
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * A real nginx running docker/nginx.conf.template (rendered with local ports) in front of the
 * given app processes, unprivileged in a temporary prefix: its own pid file, logs and temp paths.
 * It also opens a second front door, `upgradeStrippingUrl`, which plays a proxy on the way (a
 * hospital's, say) that passes requests on but strips WebSocket upgrades.
 */
export class NginxProxy {
  private constructor(
    readonly url: string,
    readonly upgradeStrippingUrl: string,
    private readonly prefix: string,
    private readonly child: ChildProcess,
    private readonly output: () => string,
  ) {}

  static async start(apps: [string, string]): Promise<NginxProxy> {
    const binary = nginxBinary();
    const prefix = mkdtempSync(path.join(os.tmpdir(), 'commons-nginx-'));
    // Worker processes drop to an unprivileged user when nginx starts as root: let them in.
    chmodSync(prefix, 0o755);
    mkdirSync(path.join(prefix, 'conf.d'));
    const [port, strippingPort] = [await freePort(), await freePort()];
    const variables: ProxyTemplateVariables = {
      COMMONS_PROXY_LISTEN: `127.0.0.1:${port}`,
      COMMONS_APP_1: apps[0],
      COMMONS_APP_2: apps[1],
    };
    writeFileSync(
      path.join(prefix, 'conf.d', 'default.conf'),
      renderTemplate(readFileSync(NGINX_TEMPLATE, 'utf8'), { ...variables }),
    );
    writeFileSync(
      path.join(prefix, 'conf.d', 'upgrade-stripping-proxy.conf'),
      `server {
  listen 127.0.0.1:${strippingPort};
  location / {
    proxy_pass http://127.0.0.1:${port};
    proxy_http_version 1.1;
    proxy_set_header Host $http_host;
    proxy_set_header Upgrade "";
    proxy_set_header Connection "";
  }
}
`,
    );
    // The official image's nginx.conf, with every path inside the prefix.
    writeFileSync(
      path.join(prefix, 'nginx.conf'),
      `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log notice;
events { worker_connections 1024; }
http {
  default_type application/octet-stream;
  log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr';
  access_log ${prefix}/access.log upstream;
  client_body_temp_path ${prefix}/client_body_temp;
  proxy_temp_path ${prefix}/proxy_temp;
  fastcgi_temp_path ${prefix}/fastcgi_temp;
  uwsgi_temp_path ${prefix}/uwsgi_temp;
  scgi_temp_path ${prefix}/scgi_temp;
  sendfile on;
  keepalive_timeout 65;
  include ${prefix}/conf.d/*.conf;
}
`,
    );
    const child = spawn(
      binary,
      ['-p', prefix, '-e', path.join(prefix, 'error.log'), '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const output = () => {
      let log = '';
      try {
        log = readFileSync(path.join(prefix, 'error.log'), 'utf8').slice(-4000);
      } catch {
        // not written yet
      }
      return `${stderr}${log}`;
    };
    // The master stops its workers when it is asked to; never outlive the test run.
    const orphanGuard = () => child.kill('SIGTERM');
    process.once('exit', orphanGuard);
    child.once('exit', () => process.off('exit', orphanGuard));
    const proxy = new NginxProxy(
      `http://127.0.0.1:${port}`,
      `http://127.0.0.1:${strippingPort}`,
      prefix,
      child,
      output,
    );
    const deadline = Date.now() + 10_000;
    while (!((await listening(port)) && (await listening(strippingPort)))) {
      if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${output()}`);
      if (Date.now() > deadline) throw new Error(`nginx did not listen within 10 s: ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return proxy;
  }

  /** The access log so far: one line per request, with the app process (`upstream=`) that served it. */
  accessLog(): string {
    return readFileSync(path.join(this.prefix, 'access.log'), 'utf8');
  }

  /** nginx's stderr and error log, for failure messages. */
  errors(): string {
    return this.output();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.prefix, { recursive: true, force: true });
  }
}

import type { IncomingHttpHeaders } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../config/config';

/** Decides whether the hop at `address`, `hop` steps from the app, is a proxy to believe. */
export type ProxyTrust = (address: string | undefined, hop: number) => boolean;

/**
 * The trust function for TRUST_PROXY, with Express's own semantics (`trust proxy`): a hop count
 * trusts that many proxies nearest the app, a list trusts those addresses. The app gives Express
 * this very function, and the socket.io handshake uses it too, so both see the same client.
 */
export function proxyTrust(setting: TrustProxy): ProxyTrust {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyaddr.compile(setting) as ProxyTrust;
}

/** What a request says about where it came from: its headers and the peer of its socket. */
export interface RequestOrigin {
  headers: IncomingHttpHeaders;
  remoteAddress: string | undefined;
  encrypted: boolean;
}

/** The client's address: the socket's peer, or X-Forwarded-For read back as far as `trust` allows (as Express's `req.ip`). */
export function clientAddress(request: RequestOrigin, trust: ProxyTrust): string {
  const asRequest = { headers: request.headers, socket: { remoteAddress: request.remoteAddress } };
  return proxyaddr(asRequest as never, trust);
}

/** `https` or `http` as the client used it: X-Forwarded-Proto when the peer is trusted (as Express's `req.protocol`). */
export function clientProtocol(request: RequestOrigin, trust: ProxyTrust): 'http' | 'https' {
  const own = request.encrypted ? 'https' : 'http';
  if (!trust(request.remoteAddress, 0)) return own;
  const header = request.headers['x-forwarded-proto'];
  const forwarded = (Array.isArray(header) ? header[0] : header)?.split(',')[0].trim();
  return forwarded === 'https' || forwarded === 'http' ? forwarded : own;
}

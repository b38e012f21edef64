import { describe, expect, it } from 'vitest';
import { clientAddress, clientProtocol, proxyTrust } from '../http/proxy-trust';
import { loadConfig } from './config';

const trustProxy = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY', () => {
  it('is off by default and when set to false or 0', () => {
    expect(trustProxy()).toBe(0);
    expect(trustProxy('false')).toBe(0);
    expect(trustProxy('0')).toBe(0);
    expect(trustProxy('')).toBe(0);
  });

  it('takes a hop count', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
  });

  it("takes proxy addresses, CIDRs and Express's names, separated by commas", () => {
    expect(trustProxy('10.0.0.0/8, 172.16.0.0/12,192.168.1.7')).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.1.7']);
    expect(trustProxy('loopback,uniquelocal,fd00::/8')).toEqual(['loopback', 'uniquelocal', 'fd00::/8']);
  });

  it('refuses "trust everyone" at start-up, saying what to set instead', () => {
    for (const value of ['true', 'TRUE', 'yes']) {
      expect(() => trustProxy(value)).toThrow(/TRUST_PROXY: .*TRUST_PROXY=1.*addresses/);
    }
  });

  it('refuses what is neither a hop count nor addresses', () => {
    expect(() => trustProxy('nginx')).toThrow(/TRUST_PROXY: .*invalid IP address: nginx/);
    expect(() => trustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY: /);
    expect(() => trustProxy('-1')).toThrow(/TRUST_PROXY: /);
  });
});

describe('the client address and protocol under TRUST_PROXY (the rule HTTP and the socket handshake share)', () => {
  const request = (remoteAddress: string, forwardedFor?: string, forwardedProto?: string) => ({
    remoteAddress,
    encrypted: false,
    headers: {
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      ...(forwardedProto ? { 'x-forwarded-proto': forwardedProto } : {}),
    },
  });
  const address = (setting: string | undefined, ...args: Parameters<typeof request>) =>
    clientAddress(request(...args), proxyTrust(trustProxy(setting)));

  it('ignores X-Forwarded-For when off', () => {
    expect(address(undefined, '10.0.0.5', '6.6.6.6')).toBe('10.0.0.5');
  });

  it('believes as many hops as counted, nearest the app first, so a client cannot prepend its own', () => {
    // nginx appends the address it saw to whatever the client wrote.
    expect(address('1', '10.0.0.5', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(address('2', '10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.0.4')).toBe('203.0.113.9');
  });

  it('believes only the listed proxies, walking back until the first address that is not one', () => {
    expect(address('10.0.0.0/8', '10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.0.4')).toBe('203.0.113.9');
    expect(address('10.0.0.0/8', '192.0.2.1', '6.6.6.6')).toBe('192.0.2.1');
  });

  it('takes X-Forwarded-Proto only from a trusted peer', () => {
    const https = (setting: string | undefined, peer: string) =>
      clientProtocol(request(peer, undefined, 'https'), proxyTrust(trustProxy(setting)));
    expect(https('1', '10.0.0.5')).toBe('https');
    expect(https('10.0.0.0/8', '10.0.0.5')).toBe('https');
    expect(https('10.0.0.0/8', '192.0.2.1')).toBe('http');
    expect(https(undefined, '10.0.0.5')).toBe('http');
  });
});

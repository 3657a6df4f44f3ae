import { describe, expect, it } from 'vitest';
import type { networkInterfaces } from 'node:os';
import { loadConfig } from '../platform/config.js';
import { describeListening, listeningUrls } from './describe-listening.js';

const interfaces: ReturnType<typeof networkInterfaces> = {
  lo: [
    { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
    { address: '::1', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', family: 'IPv6', mac: '00:00:00:00:00:00', internal: true, cidr: '::1/128', scopeid: 0 },
  ],
  eth0: [
    { address: '192.0.2.7', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.7/24' },
    { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 },
  ],
};

describe('the start-up line', () => {
  it('listens on this machine only unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('names the loopback address and the sign-up mode', () => {
    expect(describeListening([{ address: '127.0.0.1', family: 'IPv4', port: 3000 }], 'open', interfaces)).toBe(
      'Assay listening on http://127.0.0.1:3000 (this machine only); sign-up: open',
    );
  });

  it('spells out every interface behind 0.0.0.0 or ::, and says other machines can reach it', () => {
    expect(listeningUrls([{ address: '0.0.0.0', family: 'IPv4', port: 8080 }], interfaces)).toEqual(['http://127.0.0.1:8080', 'http://192.0.2.7:8080']);
    expect(listeningUrls([{ address: '::', family: 'IPv6', port: 8080 }], interfaces)).toEqual(['http://127.0.0.1:8080', 'http://[::1]:8080', 'http://192.0.2.7:8080']);
    expect(describeListening([{ address: '0.0.0.0', family: 'IPv4', port: 8080 }], 'invite-only', interfaces)).toBe(
      'Assay listening on http://127.0.0.1:8080, http://192.0.2.7:8080 (reachable from other machines); sign-up: invite-only',
    );
  });
});

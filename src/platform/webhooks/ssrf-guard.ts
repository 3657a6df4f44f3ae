import { BlockList, isIP, type LookupFunction } from 'node:net';
import { lookup } from 'node:dns';

/**
 * Addresses an outbound call must not reach: this host, private networks, link-local (cloud
 * metadata), shared/reserved ranges, and IPv6 forms that embed an IPv4 address.
 */
// Two lists: Node matches an IPv4 address against IPv4-mapped IPv6 rules, so one list would forbid all of IPv4.
const forbidden4 = new BlockList();
const forbidden6 = new BlockList();
const ipv4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const ipv6: Array<[string, number]> = [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];
for (const [network, prefix] of ipv4) forbidden4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of ipv6) forbidden6.addSubnet(network, prefix, 'ipv6');

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? forbidden4.check(address, 'ipv4') : forbidden6.check(address, 'ipv6');
}

export const OUTBOUND_REFUSED = 'ERR_OUTBOUND_REFUSED';

export class OutboundRefusedError extends Error {
  readonly code = OUTBOUND_REFUSED;
  constructor(host: string, address: string) {
    super(`refused to call ${host}: ${address} is a private, loopback or link-local address`);
  }
}

/** URL.hostname keeps the brackets of an IPv6 literal. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Node connects to IP literals without a lookup, so they are checked here before the request. */
export function checkLiteralHost(hostname: string, allowPrivate: boolean): void {
  const host = bareHost(hostname);
  if (!allowPrivate && isIP(host) && isForbiddenAddress(host)) throw new OutboundRefusedError(host, host);
}

/**
 * A DNS lookup for http.request that refuses a host if any of its addresses is forbidden. The
 * socket connects to the address checked here, so a second resolution (DNS rebinding) cannot
 * slip a private address in between check and connect.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => isForbiddenAddress(a.address));
      if (refused) return callback(new OutboundRefusedError(hostname, refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}

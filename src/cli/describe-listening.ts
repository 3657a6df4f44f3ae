import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

type Interfaces = ReturnType<typeof networkInterfaces>;

function urlOf(address: string, family: string, port: number): string {
  return family === 'IPv6' || address.includes(':') ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

/** The URLs a bound address answers on: an unspecified one (0.0.0.0, ::) stands for every interface's. */
export function listeningUrls(addresses: AddressInfo[], interfaces: Interfaces = networkInterfaces()): string[] {
  const urls = new Set<string>();
  for (const { address, family, port } of addresses) {
    if (address !== '0.0.0.0' && address !== '::') {
      urls.add(urlOf(address, family, port));
      continue;
    }
    for (const entry of Object.values(interfaces).flat()) {
      if (!entry || (address === '0.0.0.0' && entry.family !== 'IPv4')) continue;
      if (entry.family === 'IPv6' && entry.scopeid) continue; // link-local: unusable without a zone id
      urls.add(urlOf(entry.address, entry.family, port));
    }
  }
  return [...urls];
}

function loopbackOnly(addresses: AddressInfo[]): boolean {
  return addresses.every(({ address }) => address === '::1' || address.startsWith('127.'));
}

/** The start-up line: where the API answers, whether other machines can reach it, and the sign-up mode. */
export function describeListening(addresses: AddressInfo[], signup: string, interfaces?: Interfaces): string {
  const reach = loopbackOnly(addresses) ? 'this machine only' : 'reachable from other machines';
  return `Assay listening on ${listeningUrls(addresses, interfaces).join(', ')} (${reach}); sign-up: ${signup}`;
}

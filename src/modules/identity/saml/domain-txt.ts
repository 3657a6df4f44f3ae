import { Resolver } from 'node:dns/promises';
import { AppError } from '../../../platform/errors.js';

/** Answers that mean "no such record" rather than "could not ask". */
const absent = new Set(['ENODATA', 'ENOTFOUND', 'ENONAME', 'NXDOMAIN']);

/**
 * The TXT records of a name (each record's strings joined), asked of `servers` (config
 * `dnsServers`, `ip` or `ip:port`) or else of the system's resolvers. No record is an empty list;
 * a resolver that cannot be reached or fails is a 503.
 */
export async function txtRecords(name: string, servers?: string[]): Promise<string[]> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  try {
    return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (absent.has(code)) return [];
    throw new AppError(503, 'dns_unavailable', `The DNS lookup of ${name} failed (${code || 'error'}); try again later`);
  }
}

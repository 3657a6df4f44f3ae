import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * How much of each seed contract is implemented, counted from the `x-seed` ids that operations
 * declare in the OpenAPI document against docs/seed-endpoints.tsv (one row per seed endpoint).
 */

export const seedEndpointsFile = fileURLToPath(new URL('../../../docs/seed-endpoints.tsv', import.meta.url));

export interface SeedEndpoint {
  id: string;
  /** The seed document, e.g. `000_15ba3e2641977f71.txt`. */
  seedFile: string;
  method: string;
  path: string;
  title: string;
  /** `L1234`: where the endpoint first appears in the seed document. */
  where: string;
}

export function parseSeedEndpoints(tsv: string): SeedEndpoint[] {
  const [header, ...lines] = tsv.split('\n').filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      id: cells[at('id')],
      seedFile: cells[at('seed')],
      method: cells[at('method')],
      path: cells[at('path')],
      title: cells[at('title')],
      where: cells[at('where')],
    };
  });
}

export function readSeedEndpoints(file = seedEndpointsFile): SeedEndpoint[] {
  return parseSeedEndpoints(readFileSync(file, 'utf8'));
}

/** The seed's short name: the prefix of its ids (`coodesh:auth/sign-in` → `coodesh`). */
export function seedNameOf(id: string): string {
  return id.split(':')[0];
}

interface OpenApiLike {
  paths?: Record<string, object | undefined>;
}

/** Every id listed in an operation's `x-seed`, in document order, duplicates kept. */
export function declaredSeedIds(document: OpenApiLike): string[] {
  const ids: string[] = [];
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item ?? {}) as unknown[]) {
      const seed = (operation as { 'x-seed'?: unknown } | undefined)?.['x-seed'];
      if (Array.isArray(seed)) ids.push(...seed.filter((id): id is string => typeof id === 'string'));
    }
  }
  return ids;
}

export interface SeedCoverage {
  seed: string;
  seedFile: string;
  implemented: number;
  total: number;
  /** Rounded to one decimal. */
  percent: number;
}

export interface CoverageReport {
  seeds: SeedCoverage[];
  overall: { implemented: number; total: number; percent: number };
  /** Declared ids that are not rows of the tsv (typos, or rows not yet added). */
  unknownIds: string[];
}

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** Per seed: distinct implemented endpoints / endpoints of the seed. Seeds keep the tsv's order. */
export function countCoverage(endpoints: SeedEndpoint[], declaredIds: Iterable<string>): CoverageReport {
  const declared = new Set(declaredIds);
  const known = new Set(endpoints.map((e) => e.id));
  const bySeed = new Map<string, SeedCoverage>();
  for (const endpoint of endpoints) {
    const seed = seedNameOf(endpoint.id);
    const row = bySeed.get(seed) ?? { seed, seedFile: endpoint.seedFile, implemented: 0, total: 0, percent: 0 };
    row.total += 1;
    if (declared.has(endpoint.id)) row.implemented += 1;
    bySeed.set(seed, row);
  }
  const seeds = [...bySeed.values()].map((row) => ({ ...row, percent: percentOf(row.implemented, row.total) }));
  const implemented = seeds.reduce((sum, s) => sum + s.implemented, 0);
  const total = seeds.reduce((sum, s) => sum + s.total, 0);
  return {
    seeds,
    overall: { implemented, total, percent: percentOf(implemented, total) },
    unknownIds: [...declared].filter((id) => !known.has(id)).sort(),
  };
}

export function formatCoverage(report: CoverageReport): string {
  const rows = [
    ['seed', 'file', 'implemented', 'percent'],
    ...report.seeds.map((s) => [s.seed, s.seedFile, `${s.implemented}/${s.total}`, `${s.percent.toFixed(1)}%`]),
    ['all', '', `${report.overall.implemented}/${report.overall.total}`, `${report.overall.percent.toFixed(1)}%`],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd());
  if (report.unknownIds.length > 0) lines.push('', `x-seed ids not in docs/seed-endpoints.tsv: ${report.unknownIds.join(', ')}`);
  return lines.join('\n');
}

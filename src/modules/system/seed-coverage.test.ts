import { describe, expect, it } from 'vitest';
import { countCoverage, declaredSeedIds, formatCoverage, parseSeedEndpoints, readSeedEndpoints } from './seed-coverage.js';

const tsv = [
  'id\tseed\tdomain\tmethod\tpath\tpath_status\tauth\ttitle\twhere',
  'coodesh:auth/sign-in\t000.txt\tauth\tPOST\t/signin\trevealed\tpublic\tSign In\tL232',
  'coodesh:auth/sign-up\t000.txt\tauth\tPOST\t/signup\trevealed\tpublic\tSign Up\tL295',
  'coodesh:jobs/apply\t000.txt\tjobs\tPOST\t/jobs/apply/:jobId\trevealed\tpublic\tApply\tL2062',
  'gauzy:list-candidates\t004.txt\tats\tGET\t/api/candidate\tknown\tbearer\tCandidates\tL10',
  '',
].join('\n');

describe('seed coverage', () => {
  it('counts distinct implemented endpoints per seed, in the order of the tsv', () => {
    const report = countCoverage(parseSeedEndpoints(tsv), ['coodesh:auth/sign-in', 'coodesh:auth/sign-in', 'coodesh:jobs/apply']);
    expect(report.seeds).toEqual([
      { seed: 'coodesh', seedFile: '000.txt', implemented: 2, total: 3, percent: 66.7 },
      { seed: 'gauzy', seedFile: '004.txt', implemented: 0, total: 1, percent: 0 },
    ]);
    expect(report.overall).toEqual({ implemented: 2, total: 4, percent: 50 });
    expect(report.unknownIds).toEqual([]);
  });

  it('reports declared ids that the tsv does not list', () => {
    const report = countCoverage(parseSeedEndpoints(tsv), ['coodesh:auth/sign-on', 'gauzy:list-candidates']);
    expect(report.unknownIds).toEqual(['coodesh:auth/sign-on']);
    expect(report.overall.implemented).toBe(1);
    expect(formatCoverage(report)).toContain('coodesh:auth/sign-on');
  });

  it('reads x-seed ids from every operation of an OpenAPI document', () => {
    const document = {
      paths: {
        '/auth/signin': { post: { 'x-seed': ['coodesh:auth/sign-in'] } },
        '/jobs/{id}': { get: { 'x-seed': ['coodesh:jobs/apply'] }, delete: {} },
      },
    };
    expect(declaredSeedIds(document)).toEqual(['coodesh:auth/sign-in', 'coodesh:jobs/apply']);
  });

  it('prints one line per seed with implemented/total and the percentage', () => {
    const text = formatCoverage(countCoverage(parseSeedEndpoints(tsv), ['coodesh:jobs/apply']));
    expect(text.split('\n')[1]).toMatch(/^coodesh\s+000\.txt\s+1\/3\s+33\.3%$/);
    expect(text).toMatch(/all\s+1\/4\s+25\.0%/);
  });

  it('reads the five seeds of docs/seed-endpoints.tsv', () => {
    const seeds = countCoverage(readSeedEndpoints(), []).seeds.map((s) => s.seed);
    expect(seeds).toEqual(['coodesh', 'worklete', 'testinvite', 'sparkwise', 'gauzy']);
  });
});

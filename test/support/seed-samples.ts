import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonType } from './schema-samples.js';

/**
 * A tolerant reader of the request/response samples in the Coodesh seed (a Redoc text rendering).
 * Samples print top-level keys as `  • "key": value` lines; nested objects and arrays are collapsed
 * to `{` … `}` / `[` … `]` with nothing inside, so only top-level keys and their types are known.
 */

export const coodeshSeedFile = fileURLToPath(new URL('../../docs/seeds/coodesh.txt', import.meta.url));

export type SampleType = JsonType | 'unknown';

export type Sample =
  | { kind: 'object'; keys: Array<{ name: string; type: SampleType; value?: unknown }> }
  | { kind: 'array' }
  | { kind: 'scalar'; type: SampleType };

export interface EndpointSamples {
  request: Sample[];
  response: Sample[];
}

function typeOfText(text: string): { type: SampleType; value?: unknown } {
  const value = text.replace(/,\s*$/, '').trim();
  if (value.startsWith('{')) return { type: 'object' };
  if (value.startsWith('[')) return { type: 'array' };
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return { type: 'null', value: null };
    if (typeof parsed === 'number') return { type: Number.isInteger(parsed) ? 'integer' : 'number', value: parsed };
    if (typeof parsed === 'string' || typeof parsed === 'boolean') return { type: typeof parsed as JsonType, value: parsed };
  } catch {
    // A value the rendering broke (e.g. a string spread over lines): its type stays unknown.
  }
  return { type: value.startsWith('"') ? 'string' : 'unknown' };
}

/** Parses one sample starting at `lines[start]`; answers the sample and the index after it. */
function parseSample(lines: string[], start: number): { sample: Sample; next: number } {
  const first = lines[start].trim();
  if (first === '{}') return { sample: { kind: 'object', keys: [] }, next: start + 1 };
  if (first === '[]') return { sample: { kind: 'array' }, next: start + 1 };
  if (first === '[' || first === '{') {
    const keys: Array<{ name: string; type: SampleType; value?: unknown }> = [];
    let i = start + 1;
    for (; i < lines.length && lines[i] !== (first === '[' ? ']' : '}'); i += 1) {
      const match = /^ {2}• "([^"]+)":\s?(.*)$/.exec(lines[i]);
      if (match) keys.push({ name: match[1], ...typeOfText(match[2]) });
    }
    return { sample: first === '[' ? { kind: 'array' } : { kind: 'object', keys }, next: i + 1 };
  }
  return { sample: { kind: 'scalar', type: typeOfText(first).type }, next: start + 1 };
}

/**
 * The samples of the endpoint whose block starts at `line` (1-based, the tsv's `where`): after the
 * block's `Responses` heading come zero or more `Request samples` / `Response samples` sections.
 */
export function samplesAt(lines: string[], line: number): EndpointSamples {
  const result: EndpointSamples = { request: [], response: [] };
  let i = lines.indexOf('Responses', line - 1);
  if (i < 0) return result;
  i += 1;
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i += 1;
    const heading = lines[i];
    if (heading !== 'Request samples' && heading !== 'Response samples') break;
    i += 1;
    while (i < lines.length && (lines[i].trim() === '' || lines[i] === 'Content type')) i += 1;
    const mediaType = lines[i];
    i += 1;
    while (i < lines.length && lines[i].trim() === '') i += 1;
    const { sample, next } = parseSample(lines, i);
    i = next;
    if (!/json/.test(mediaType)) continue;
    (heading === 'Request samples' ? result.request : result.response).push(sample);
  }
  return result;
}

let cached: string[] | undefined;
export function coodeshSeedLines(): string[] {
  cached ??= readFileSync(coodeshSeedFile, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  return cached;
}

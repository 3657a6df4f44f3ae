import { AppError } from '../errors.js';

/**
 * One byte range of a download (RFC 9110 §14): bytes `start` to `end` inclusive (`end` left out:
 * to the end of the file), or the last `suffix` bytes.
 */
export type ByteRange = { start: number; end?: number } | { suffix: number };

/** A range resolved against a file's size: both ends inclusive, within the file. */
export interface ResolvedRange {
  start: number;
  end: number;
}

/**
 * The one range of a `Range` header. Anything else — another unit, several ranges, a malformed
 * value — is undefined, and the whole file is served (a server may ignore a Range it does not take).
 */
export function parseRange(header: string | undefined): ByteRange | undefined {
  const match = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const [, first, last] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') return { suffix: Number(last) };
  if (last === '') return { start: Number(first) };
  if (Number(last) < Number(first)) return undefined;
  return { start: Number(first), end: Number(last) };
}

/** The bytes of the range within a file of `size` bytes; null when it holds none of them (416). */
export function resolveRange(range: ByteRange, size: number): ResolvedRange | null {
  if ('suffix' in range) {
    if (range.suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - range.suffix), end: size - 1 };
  }
  if (range.start >= size) return null;
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

/** The range in a request header's words (S3's GetObject takes it as is). */
export function rangeHeader(range: ByteRange): string {
  return 'suffix' in range ? `bytes=-${range.suffix}` : `bytes=${range.start}-${range.end ?? ''}`;
}

/** 416: the file holds none of the bytes asked for; the answer names its size (`Content-Range: bytes *\/size`). */
export class RangeNotSatisfiable extends AppError {
  constructor(readonly size: number) {
    super(416, 'range_not_satisfiable', `The file has ${size} bytes; the range asked for holds none of them`);
  }
}

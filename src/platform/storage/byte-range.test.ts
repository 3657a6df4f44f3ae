import { describe, expect, it } from 'vitest';
import { parseRange, rangeHeader, resolveRange } from './byte-range.js';

describe('parseRange', () => {
  it('reads one range of bytes: closed, open-ended or a suffix', () => {
    expect(parseRange('bytes=0-99')).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=100-')).toEqual({ start: 100 });
    expect(parseRange('bytes=-500')).toEqual({ suffix: 500 });
  });

  it('leaves anything else to a whole-file answer', () => {
    for (const header of [undefined, '', 'bytes=', 'bytes=-', 'bytes=5-2', 'items=0-1', 'bytes=0-1,4-5', 'bytes=a-b', 'bytes=1-2-3']) expect(parseRange(header)).toBeUndefined();
  });
});

describe('resolveRange', () => {
  it('clips a range to the file and refuses one that holds none of its bytes', () => {
    expect(resolveRange({ start: 0, end: 99 }, 10)).toEqual({ start: 0, end: 9 });
    expect(resolveRange({ suffix: 50 }, 10)).toEqual({ start: 0, end: 9 });
    expect(resolveRange({ start: 9 }, 10)).toEqual({ start: 9, end: 9 });
    expect(resolveRange({ start: 10 }, 10)).toBeNull();
    expect(resolveRange({ suffix: 0 }, 10)).toBeNull();
    expect(resolveRange({ suffix: 1 }, 0)).toBeNull();
  });

  it('writes a range back as a header', () => {
    expect(rangeHeader({ start: 3, end: 7 })).toBe('bytes=3-7');
    expect(rangeHeader({ start: 3 })).toBe('bytes=3-');
    expect(rangeHeader({ suffix: 4 })).toBe('bytes=-4');
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the process logger', () => {
  it('redacts secrets in url fields and errors outside HTTP too (webhook and job lines)', async () => {
    const file = join(dir, 'out.log');
    const log = createLogger('info', file);
    log.warn({ url: 'https://hooks.example/in?token=abc123&team=7' }, 'webhook attempt failed');
    log.error({ err: new Error('POST https://hooks.example/in?api_key=k9k9 answered 500') }, 'job failed');
    // The destination writes asynchronously: wait until both lines are out.
    let text = '';
    for (let tries = 0; tries < 100 && text.split('\n').length < 3; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    }
    expect(text).toContain('https://hooks.example/in?token=[redacted]&team=7');
    expect(text).toContain('api_key=[redacted]');
    expect(text).not.toMatch(/abc123|k9k9/);
  });
});

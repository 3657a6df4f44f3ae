import http from 'node:http';
import https from 'node:https';
import { checkLiteralHost, guardedLookup, OUTBOUND_REFUSED } from './ssrf-guard.js';

export const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface PostOutcome {
  /** succeeded: 2xx · gone: 410 · refused: the address is not allowed · failed: anything else. */
  status: 'succeeded' | 'failed' | 'refused' | 'gone';
  /** The URL last posted to (after redirects). */
  url: string;
  responseStatus?: number;
  /** From the response's Retry-After header. */
  retryAfterSeconds?: number;
  error?: string;
  durationMs: number;
}

export interface PostOptions {
  allowPrivate: boolean;
  /** For the whole attempt, redirects included. */
  timeoutMs?: number;
  userAgent?: string;
}

interface Answer {
  statusCode: number;
  location?: string;
  retryAfter?: string;
}

/** Seconds from a Retry-After value (delta-seconds or HTTP date); undefined when unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function postOnce(url: URL, headers: Record<string, string>, body: string, options: PostOptions, signal: AbortSignal): Promise<Answer> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': options.userAgent ?? 'Assay-Webhooks/1' },
      lookup: guardedLookup(options.allowPrivate),
      // A fresh connection per attempt: a pooled socket would skip the address check.
      agent: false,
      signal,
    });
    request.on('error', reject);
    request.on('response', (response) => {
      // The body is not kept; drain it so the connection can close.
      response.resume();
      const header = (name: string) => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      resolve({ statusCode: response.statusCode ?? 0, location: header('location'), retryAfter: header('retry-after') });
    });
    request.end(body);
  });
}

/**
 * POSTs a signed body, re-checking the destination address on every request: redirects are
 * followed by hand, at most MAX_REDIRECTS, each to an http(s) URL that passes the guard again.
 */
export async function postWebhook(target: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<PostOutcome> {
  const started = performance.now();
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const elapsed = () => Math.round(performance.now() - started);
  let url = new URL(target);
  for (let redirects = 0; ; redirects += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { status: 'failed', url: url.href, error: `unsupported protocol ${url.protocol}`, durationMs: elapsed() };
    }
    let answer: Answer;
    try {
      checkLiteralHost(url.hostname, options.allowPrivate);
      answer = await postOnce(url, headers, body, options, signal);
    } catch (error) {
      const refused = (error as { code?: string }).code === OUTBOUND_REFUSED;
      const message = signal.aborted ? 'timed out' : error instanceof Error ? error.message : String(error);
      return { status: refused ? 'refused' : 'failed', url: url.href, error: message, durationMs: elapsed() };
    }
    const { statusCode } = answer;
    if (REDIRECTS.has(statusCode) && answer.location) {
      if (redirects === MAX_REDIRECTS) {
        return { status: 'failed', url: url.href, responseStatus: statusCode, error: `more than ${MAX_REDIRECTS} redirects`, durationMs: elapsed() };
      }
      url = new URL(answer.location, url);
      continue;
    }
    const outcome: PostOutcome = { status: 'failed', url: url.href, responseStatus: statusCode, durationMs: elapsed() };
    if (statusCode >= 200 && statusCode < 300) outcome.status = 'succeeded';
    else if (statusCode === 410) outcome.status = 'gone';
    else {
      outcome.error = `HTTP ${statusCode}`;
      outcome.retryAfterSeconds = parseRetryAfter(answer.retryAfter);
    }
    return outcome;
  }
}

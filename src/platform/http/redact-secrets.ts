import { pino, type SerializerFn } from 'pino';

export const redacted = '[redacted]';

/** Route parameters that carry a secret: `/auth/invite/:token`, `/hooks/:secret`. */
const secretParamName = /token|secret|password|signature|api_?key/i;

/** Query parameters that carry a secret (OAuth codes and states, tokens, passwords, keys). */
const secretQueryNames = new Set([
  'token', 'access_token', 'refresh_token', 'id_token', 'code', 'state', 'password', 'secret', 'client_secret',
  'api_key', 'apikey', 'key', 'x-api-key', 'signature', 'sig', 'jwt', 'session', 'samlresponse', 'relaystate', 'otp',
]);

/** Our own token shapes, wherever they appear: API keys and invite tokens (`ak_`/`iv_` + workspace + secret). */
const ownTokens = /\b(ak|iv)_([0-9a-f]{24})_[A-Za-z0-9_-]+/g;

/** A path segment that looks like a random secret (base64url, long, mixed case and digits): used where no route says. */
function looksSecret(segment: string): boolean {
  return segment.length >= 32 && /^[A-Za-z0-9_-]+$/.test(segment) && /[A-Z]/.test(segment) && /[a-z]/.test(segment) && /[0-9]/.test(segment);
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: compare the name as sent.
      }
      return equals !== -1 && secretQueryNames.has(decoded.toLowerCase()) ? `${name}=${redacted}` : pair;
    })
    .join('&');
}

/**
 * The one rule for secrets in log lines. A path segment is redacted when the route it matches names
 * it like a secret (`:token`), when it is one of our token shapes, or, on a path no route knows,
 * when it looks like a random secret; query parameters with secret names lose their values.
 * Routes are learnt as they are registered (`addRoute`, from an onRoute hook).
 */
export class SecretRedactor {
  /** Per route with a secret parameter: its segments, and which of them to hide. */
  private readonly routes: Array<{ segments: string[]; secret: boolean[] }> = [];

  addRoute(template: string): void {
    const segments = template.split('?')[0].split('/');
    const secret = segments.map((s) => s.startsWith(':') && secretParamName.test(s));
    if (secret.some(Boolean)) this.routes.push({ segments, secret });
  }

  /** Which segments of a path hide a secret, by the first route it matches (undefined: none matches). */
  private secretSegments(segments: string[]): boolean[] | undefined {
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      if (route.segments.every((s, i) => s.startsWith(':') || s === '*' || s === segments[i])) return route.secret;
    }
    return undefined;
  }

  url(url: string): string {
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    const segments = path.split('/');
    const byRoute = this.secretSegments(segments);
    const safePath = segments
      .map((segment, i) => {
        if (byRoute?.[i]) return redacted;
        const shaped = segment.replace(ownTokens, `$1_$2_${redacted}`);
        if (shaped !== segment) return shaped;
        return !byRoute && looksSecret(segment) ? redacted : segment;
      })
      .join('/');
    return mark === -1 ? safePath : `${safePath}?${redactQuery(url.slice(mark + 1))}`;
  }

  /** Free text (an error message or stack): every URL or path in it is redacted as a URL. */
  text(text: string): string {
    return text
      .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/"'<>`]+)?(\/[^\s"'<>`]*)/gi, (_run, origin: string | undefined, path: string) => `${origin ?? ''}${this.url(path)}`)
      .replace(ownTokens, `$1_$2_${redacted}`);
  }

  /** Pino serializers applying the rule to `url`, `req.url` and errors (message and stack). */
  serializers(): Record<string, SerializerFn> {
    return {
      url: (value: unknown) => (typeof value === 'string' ? this.url(value) : value),
      req: (value: { url?: unknown } | undefined) => (value && typeof value.url === 'string' ? { ...value, url: this.url(value.url) } : value),
      err: (value: Error) => {
        const serialized = pino.stdSerializers.err(value) as unknown as Record<string, unknown>;
        if (typeof serialized?.message === 'string') serialized.message = this.text(serialized.message);
        if (typeof serialized?.stack === 'string') serialized.stack = this.text(serialized.stack);
        return serialized;
      },
    };
  }
}

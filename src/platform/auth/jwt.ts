import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export interface SessionClaims {
  /** user id */
  sub: string;
  /** workspace chosen at sign-in, used when a request sends no x-workspace-id */
  wid?: string;
  provider: string;
  /**
   * The user's session version when the token was issued (users.session_version); a token whose
   * version is behind the account's is revoked. Tokens without it count as version 0.
   */
  sv?: number;
}

export interface SessionTokens {
  sign(claims: SessionClaims): Promise<string>;
  verify(token: string): Promise<SessionClaims | undefined>;
  /**
   * A keyed MAC of `data` for one purpose (base64url, 32 chars): links that must be checkable
   * without storing them (an attempt's access link). A key of its own per purpose, derived from the secret.
   */
  mac(purpose: string, data: string): string;
}

export function sessionTokens(secret: string, ttlSeconds: number, issuer = 'assay'): SessionTokens {
  const key = new TextEncoder().encode(secret);
  return {
    mac(purpose, data) {
      const purposeKey = createHmac('sha256', secret).update(`assay-mac:${purpose}`).digest();
      return createHmac('sha256', purposeKey).update(data).digest('base64url').slice(0, 32);
    },
    async sign(claims) {
      const jwt = new SignJWT({ provider: claims.provider, ...(claims.wid ? { wid: claims.wid } : {}), ...(claims.sv !== undefined ? { sv: claims.sv } : {}) })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`);
      return jwt.sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string') return undefined;
        return {
          sub: payload.sub,
          wid: typeof payload.wid === 'string' ? payload.wid : undefined,
          provider: typeof payload.provider === 'string' ? payload.provider : 'local',
          sv: typeof payload.sv === 'number' && Number.isInteger(payload.sv) ? payload.sv : 0,
        };
      } catch {
        return undefined;
      }
    },
  };
}

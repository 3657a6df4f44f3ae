import { resolve } from 'node:path';

export type Role = 'user' | 'business' | 'hunter' | 'manager' | 'admin';

export interface OAuthProviderConfig {
  clientId: string;
  clientSecret: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  userinfoEndpoint: string;
  emailsEndpoint?: string;
  /** Where a client-sent access token is checked to be issued to our client id (GitHub's takes `{client_id}`). */
  tokenCheckEndpoint: string;
}

export interface Config {
  port: number;
  host: string;
  /** postgres://... when set; otherwise the embedded PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** 'memory' keeps PGlite in memory (tests). */
  embedded: 'disk' | 'memory';
  publicUrl: string;
  appUrl: string;
  jwtSecret?: string;
  jwtTtlSeconds: number;
  logLevel: string;
  /** One access-log line per request at info level (LOG_REQUESTS, default true). */
  logRequests: boolean;
  /** Run job workers inside the API process. */
  workers: boolean;
  /** Allow outbound calls to private and loopback addresses (development and tests only). */
  allowPrivateOutbound: boolean;
  smtpUrl?: string;
  mailFrom: string;
  storage: { driver: 'disk'; root: string } | { driver: 's3'; bucket: string; region: string; endpoint?: string; accessKeyId?: string; secretAccessKey?: string };
  bodyLimit: number;
  /** Believe X-Forwarded-For (client address for rate limits) only behind a known proxy: `true` or a list of proxy addresses/CIDRs. */
  trustProxy: boolean | string;
  rateLimit: { max: number; windowMs: number };
  oauth: Partial<Record<'google' | 'github' | 'linkedin' | 'facebook', OAuthProviderConfig>>;
  /** DNS servers for domain-ownership checks (`DNS_SERVERS`, comma-separated `ip` or `ip:port`); the system's when unset. */
  dnsServers?: string[];
}

function oauthFromEnv(env: NodeJS.ProcessEnv, name: string, defaults: Omit<OAuthProviderConfig, 'clientId' | 'clientSecret'>): OAuthProviderConfig | undefined {
  const prefix = `OAUTH_${name.toUpperCase()}_`;
  const clientId = env[`${prefix}CLIENT_ID`];
  const clientSecret = env[`${prefix}CLIENT_SECRET`];
  if (!clientId || !clientSecret) return undefined;
  return {
    clientId,
    clientSecret,
    authorizationEndpoint: env[`${prefix}AUTHORIZATION_ENDPOINT`] ?? defaults.authorizationEndpoint,
    tokenEndpoint: env[`${prefix}TOKEN_ENDPOINT`] ?? defaults.tokenEndpoint,
    userinfoEndpoint: env[`${prefix}USERINFO_ENDPOINT`] ?? defaults.userinfoEndpoint,
    emailsEndpoint: env[`${prefix}EMAILS_ENDPOINT`] ?? defaults.emailsEndpoint,
    tokenCheckEndpoint: env[`${prefix}TOKEN_CHECK_ENDPOINT`] ?? defaults.tokenCheckEndpoint,
  };
}

export const oauthDefaults: Record<'google' | 'github' | 'linkedin' | 'facebook', Omit<OAuthProviderConfig, 'clientId' | 'clientSecret'>> = {
  google: {
    authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenEndpoint: 'https://oauth2.googleapis.com/token',
    userinfoEndpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
    tokenCheckEndpoint: 'https://oauth2.googleapis.com/tokeninfo',
  },
  github: {
    authorizationEndpoint: 'https://github.com/login/oauth/authorize',
    tokenEndpoint: 'https://github.com/login/oauth/access_token',
    userinfoEndpoint: 'https://api.github.com/user',
    emailsEndpoint: 'https://api.github.com/user/emails',
    tokenCheckEndpoint: 'https://api.github.com/applications/{client_id}/token',
  },
  linkedin: {
    authorizationEndpoint: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenEndpoint: 'https://www.linkedin.com/oauth/v2/accessToken',
    userinfoEndpoint: 'https://api.linkedin.com/v2/userinfo',
    tokenCheckEndpoint: 'https://www.linkedin.com/oauth/v2/introspectToken',
  },
  facebook: {
    authorizationEndpoint: 'https://www.facebook.com/v19.0/dialog/oauth',
    tokenEndpoint: 'https://graph.facebook.com/v19.0/oauth/access_token',
    userinfoEndpoint: 'https://graph.facebook.com/me?fields=id,name,email,first_name,last_name',
    tokenCheckEndpoint: 'https://graph.facebook.com/debug_token',
  },
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 3000);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const oauth: Config['oauth'] = {};
  for (const name of ['google', 'github', 'linkedin', 'facebook'] as const) {
    const provider = oauthFromEnv(env, name, oauthDefaults[name]);
    if (provider) oauth[name] = provider;
  }
  const storage: Config['storage'] = env.S3_BUCKET
    ? {
        driver: 's3',
        bucket: env.S3_BUCKET,
        region: env.S3_REGION ?? 'us-east-1',
        endpoint: env.S3_ENDPOINT,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      }
    : { driver: 'disk', root: resolve(env.STORAGE_DIR ?? `${dataDir}/files`) };
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    embedded: 'disk',
    publicUrl,
    appUrl: env.APP_URL ?? publicUrl,
    jwtSecret: env.JWT_SECRET,
    jwtTtlSeconds: Number(env.JWT_TTL_SECONDS ?? 60 * 60 * 24 * 7),
    logLevel: env.LOG_LEVEL ?? 'info',
    logRequests: env.LOG_REQUESTS !== 'false',
    workers: env.WORKERS !== 'false',
    allowPrivateOutbound: env.ALLOW_PRIVATE_OUTBOUND === 'true' || env.NODE_ENV === 'development',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Assay <no-reply@assay.local>',
    storage,
    bodyLimit: Number(env.BODY_LIMIT ?? 1024 * 1024),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    rateLimit: { max: Number(env.AUTH_RATE_LIMIT ?? 20), windowMs: Number(env.AUTH_RATE_WINDOW_MS ?? 60_000) },
    oauth,
    dnsServers: env.DNS_SERVERS ? env.DNS_SERVERS.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    ...overrides,
  };
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
}

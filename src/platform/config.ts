import { resolve } from 'node:path';

export type Role = 'user' | 'business' | 'hunter' | 'manager' | 'admin';

/**
 * Who may open an account (SIGNUP): `open` anyone; `invite-only` an address holding a pending
 * invitation (and the first account of an empty instance); `closed` nobody, accounts come from
 * workspaces (the employees API) and the CLI. The default is `invite-only`: see README, Configuration.
 */
export const signupModes = ['open', 'invite-only', 'closed'] as const;
export type SignupMode = (typeof signupModes)[number];

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
  signup: SignupMode;
  oauth: Partial<Record<'google' | 'github' | 'linkedin' | 'facebook', OAuthProviderConfig>>;
  /** DNS servers for domain-ownership checks (`DNS_SERVERS`, comma-separated `ip` or `ip:port`); the system's when unset. */
  dnsServers?: string[];
  /** Browser origins allowed to call the API cross-origin (`CORS_ORIGINS`); none by default. */
  corsOrigins: string[];
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
    signup: parseSignupMode(env.SIGNUP),
    oauth,
    dnsServers: env.DNS_SERVERS ? env.DNS_SERVERS.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    ...overrides,
  };
}

function parseSignupMode(value: string | undefined): SignupMode {
  const mode = value?.trim() || 'invite-only';
  if (!(signupModes as readonly string[]).includes(mode)) throw new Error(`SIGNUP must be one of ${signupModes.join(', ')} (got "${mode}")`);
  return mode as SignupMode;
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
}

/**
 * Every environment variable loadConfig reads, for the README's configuration table
 * (`npm run docs:config` writes it; src/platform/config-docs.test.ts fails when a variable read
 * above is missing here, a variable here is no longer read, a default here differs from the code's,
 * or the README is stale). `<P>` stands for each OAuth provider. Add a variable here when you add
 * one above.
 */
export interface ConfigVariable {
  name: string;
  /** As the README shows it: a literal in backticks, or words. */
  default: string;
  description: string;
  /** The setting it produces, to check a literal default against the code (with an empty environment). */
  value?: (config: Config) => unknown;
  /** A valid value, set by the check so that variables read only when this one is set are read too. */
  example?: string;
}

export const oauthProviderNames = ['GOOGLE', 'GITHUB', 'LINKEDIN', 'FACEBOOK'];

export const configVariables: ConfigVariable[] = [
  { name: 'PORT', default: '`3000`', description: 'TCP port the API listens on', value: (c) => c.port },
  { name: 'HOST', default: '`127.0.0.1`', description: 'address the API listens on; `HOST=0.0.0.0` (or `::`) listens on every interface, exposing it to the network', value: (c) => c.host },
  { name: 'PUBLIC_URL', default: '`http://localhost:<PORT>`', description: 'public base URL of the API: the SAML service-provider URLs (metadata, assertion consumer) and the default of `APP_URL`' },
  { name: 'APP_URL', default: '`PUBLIC_URL`', description: 'web app base of e-mailed links (`/auth/reset/<token>`, `/auth/confirmation/<token>`, `/auth/invite/<token>`)' },
  { name: 'DATABASE_URL', default: 'unset (PGlite)', description: 'PostgreSQL server to use instead of the embedded database' },
  { name: 'DATA_DIR', default: '`./data`', description: 'embedded database and local files' },
  { name: 'STORAGE_DIR', default: '`<DATA_DIR>/files`', description: 'where uploaded and exported files are kept on disk (when `S3_BUCKET` is unset)' },
  { name: 'S3_BUCKET', default: 'unset (files on disk)', description: 'keep files in this S3 bucket instead of on disk', example: 'assay-files' },
  { name: 'S3_REGION', default: '`us-east-1`', description: 'region of the bucket' },
  { name: 'S3_ENDPOINT', default: "unset (AWS's)", description: 'S3-compatible endpoint (MinIO, R2, ...); paths are bucket-style' },
  { name: 'S3_ACCESS_KEY_ID', default: "unset (the SDK's default credentials)", description: 'access key of the bucket' },
  { name: 'S3_SECRET_ACCESS_KEY', default: "unset (the SDK's default credentials)", description: 'secret of that access key' },
  { name: 'JWT_SECRET', default: 'generated, kept in the database', description: 'signing key of session tokens' },
  { name: 'JWT_TTL_SECONDS', default: '`604800`', description: 'lifetime of a session token in seconds (7 days)', value: (c) => c.jwtTtlSeconds },
  { name: 'BODY_LIMIT', default: '`1048576`', description: 'largest request body in bytes (413 above it); uploads have their own limits', value: (c) => c.bodyLimit },
  { name: 'CORS_ORIGINS', default: 'unset (no cross-origin access)', description: 'comma-separated browser origins (`https://app.example.com`) allowed to call the API from another origin; `*` for any' },
  { name: 'WORKERS', default: '`true`', description: 'run job workers inside the API process', value: (c) => c.workers },
  { name: 'LOG_LEVEL', default: '`info`', description: 'pino log level', value: (c) => c.logLevel },
  {
    name: 'LOG_REQUESTS',
    default: '`true`',
    description: 'one access-log line per request (method, url with secrets redacted, client address, status, time in ms) at `info`; `false` keeps only failures',
    value: (c) => c.logRequests,
  },
  { name: 'SMTP_URL', default: 'unset (mail is logged, not sent)', description: 'e.g. `smtps://user:pass@smtp.example.com:465`; query options pass to nodemailer (`?ignoreTLS=true`)' },
  { name: 'MAIL_FROM', default: '`Assay <no-reply@assay.local>`', description: 'sender of e-mails', value: (c) => c.mailFrom },
  { name: 'ALLOW_PRIVATE_OUTBOUND', default: '`false`', description: 'let webhooks call loopback/private addresses (also on when `NODE_ENV=development`)', value: (c) => c.allowPrivateOutbound },
  { name: 'NODE_ENV', default: 'unset', description: '`development` allows private outbound addresses (as `ALLOW_PRIVATE_OUTBOUND`)' },
  {
    name: 'AUTH_RATE_LIMIT',
    default: '`20`',
    description: 'requests per client address, route and window on sign-in, sign-up, reset, confirmation, invite and API-key validation routes; counted in the database (`rate_limit_hits`), so every API process shares the limit',
    value: (c) => c.rateLimit.max,
  },
  { name: 'AUTH_RATE_WINDOW_MS', default: '`60000`', description: 'length of that window in milliseconds', value: (c) => c.rateLimit.windowMs },
  { name: 'SIGNUP', default: '`invite-only`', description: 'who may open an account: `open` (anyone who reaches the server), `invite-only` (an address holding a pending invitation, or whoever signs up with an invite token; the first account of an empty instance too), `closed` (nobody: 403 `signup_closed`). Sign-up, social and SAML sign-in and invite acceptance all obey it', example: 'open', value: (c) => c.signup },
  { name: 'TRUST_PROXY', default: '`false`', description: '`true` or proxy addresses/CIDRs: believe `X-Forwarded-For` for the client address (rate limits, logs) only behind a proxy you run', value: (c) => c.trustProxy },
  { name: 'DNS_SERVERS', default: "the system's resolvers", description: 'comma-separated `ip` or `ip:port` used to check the TXT records that verify SAML domains' },
  { name: 'OAUTH_<P>_CLIENT_ID', default: 'unset (provider off)', description: 'social sign-in for `<P>` = `GOOGLE`, `GITHUB`, `LINKEDIN`, `FACEBOOK` (with `_CLIENT_SECRET`)', example: 'client-id' },
  { name: 'OAUTH_<P>_CLIENT_SECRET', default: 'unset (provider off)', description: 'the client secret issued by the provider', example: 'client-secret' },
  { name: 'OAUTH_<P>_AUTHORIZATION_ENDPOINT', default: "the provider's", description: 'override of the authorization URL' },
  { name: 'OAUTH_<P>_TOKEN_ENDPOINT', default: "the provider's", description: 'override of the token URL (code exchange)' },
  { name: 'OAUTH_<P>_USERINFO_ENDPOINT', default: "the provider's", description: 'override of the profile URL' },
  { name: 'OAUTH_<P>_EMAILS_ENDPOINT', default: "the provider's (GitHub only)", description: 'override of the e-mail addresses URL' },
  { name: 'OAUTH_<P>_TOKEN_CHECK_ENDPOINT', default: "the provider's", description: 'override of the URL that checks a client-sent access token was issued to this client id' },
];

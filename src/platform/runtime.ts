import { pino, type Logger } from 'pino';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { settings } from './db/schema.js';
import { sessionTokens, type SessionTokens } from './auth/jwt.js';
import { newSecret } from './ids.js';

/** Everything long-lived the app needs, built once from the configuration. */
export interface Runtime {
  config: Config;
  log: Logger;
  database: Database;
  tokens: SessionTokens;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Use this database instead of opening one from the configuration (tests). */
  database?: Database;
  logger?: Logger;
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.logger ?? pino({ level: config.logLevel });
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.embedded === 'disk' ? join(config.dataDir, 'pglite') : undefined,
    }));
  await migrate(database);
  const secret = config.jwtSecret ?? (await storedSecret(database, 'jwt_secret'));
  const tokens = sessionTokens(secret, config.jwtTtlSeconds);
  const closers: Array<() => Promise<void>> = [];
  if (!options.database) closers.push(() => database.close());
  return {
    config,
    log,
    database,
    tokens,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}

/** A secret generated on first start and kept in the database, so every process shares it. */
async function storedSecret(database: Database, key: string): Promise<string> {
  await database.db.insert(settings).values({ key, value: newSecret(48) }).onConflictDoNothing();
  const [row] = await database.db.select().from(settings).where(eq(settings.key, key));
  return row.value;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { migrationsFolder } from '../../../platform/db/migrate.js';

/**
 * Migration 0011 moves the name a workspace gave an unused account (the employees API's stub) onto
 * that workspace's membership. Run on an embedded database: the SQL is the same on PostgreSQL.
 */
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
const target = journal.entries.findIndex((e) => e.tag.startsWith('0011_'));

let pg: PGlite;
async function apply(tag: string) {
  const text = readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await pg.exec(statement);
}

beforeAll(async () => {
  pg = new PGlite();
  for (const entry of journal.entries.slice(0, target)) await apply(entry.tag);
  await pg.exec(`
    insert into workspaces (id, name, slug) values ('a00000000000000000000000', 'A', 'a'), ('b00000000000000000000000', 'B', 'b');
    insert into users (id, email, display_name, first_name, last_name, password_hash) values
      ('100000000000000000000001', 'stub@x.test', 'Stub By A', 'Stub', 'Bya', null),
      ('100000000000000000000002', 'own@x.test', 'Own Name', 'Own', 'Name', 'hash');
    insert into memberships (workspace_id, user_id, created) values
      ('a00000000000000000000000', '100000000000000000000001', now() - interval '1 day'),
      ('b00000000000000000000000', '100000000000000000000001', now()),
      ('b00000000000000000000000', '100000000000000000000002', now());
  `);
  await apply(journal.entries[target].tag);
});
afterAll(async () => pg?.close());

describe('migration 0011 (names per membership)', () => {
  it("gives a stub's name to the workspace that created it, a neutral name to the account, nothing to the others", async () => {
    const members = await pg.query<{ workspace_id: string; user_id: string; display_name: string | null; first_name: string | null }>(
      'select workspace_id, user_id, display_name, first_name from memberships order by workspace_id, user_id',
    );
    expect(members.rows).toEqual([
      { workspace_id: 'a00000000000000000000000', user_id: '100000000000000000000001', display_name: 'Stub By A', first_name: 'Stub' },
      { workspace_id: 'b00000000000000000000000', user_id: '100000000000000000000001', display_name: null, first_name: null },
      { workspace_id: 'b00000000000000000000000', user_id: '100000000000000000000002', display_name: null, first_name: null },
    ]);
    const accounts = await pg.query('select id, display_name, first_name, last_name from users order by id');
    expect(accounts.rows).toEqual([
      { id: '100000000000000000000001', display_name: 'stub', first_name: null, last_name: null },
      { id: '100000000000000000000002', display_name: 'Own Name', first_name: 'Own', last_name: 'Name' },
    ]);
  });
});

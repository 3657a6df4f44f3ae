import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { memberships } from '../../identity/workspaces/schema.js';
import type { ScopedTenant } from '../scope.js';
import { findSubaccount } from './subaccount-view.js';

/**
 * Counts of what is tagged with the subaccount. Only employees exist so far; assessments,
 * questions, scorecards, skill variants, teams and careers count 0 until their modules land.
 */
export async function subaccountStats(db: DbOrTx, tenant: ScopedTenant, id: string) {
  const subaccount = await findSubaccount(db, tenant, id);
  const [row] = await db
    .select({ users: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, tenant.workspaceId), sql`${subaccount.id} = any(${memberships.subaccountIds})`));
  return {
    assessments_count: 0,
    questions_count: 0,
    scorecards_count: 0,
    skill_variants_count: 0,
    teams_count: 0,
    careers_count: 0,
    users_count: Number(row.users),
  };
}

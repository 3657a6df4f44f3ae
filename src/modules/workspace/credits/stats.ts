import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { creditEntries, creditTypes, type CreditType } from './schema.js';
import type { CreditsTenant } from './ledger.js';

export interface CreditTypeStats {
  /** What can be spent now. */
  balance: number;
  granted: number;
  /** Consumed minus refunded. */
  usage: number;
  /** Grants that lapsed unspent (recorded or not yet recorded in the history). */
  expired: number;
}

export interface CreditStats {
  /** Spendable balance of both types. */
  total: number;
  /** Ledger rows. */
  totalDocs: number;
  hard_skills: CreditTypeStats;
  soft_skills: CreditTypeStats;
  usage: number;
  granted: number;
  expired: number;
  /** When the ledger last changed; null when it is empty. */
  updated: string | null;
}

const live = sql`${creditEntries.amount} > 0 and (${creditEntries.expires} is null or ${creditEntries.expires} > now())`;

/** One pass over the workspace's ledger, grouped by type. */
export async function creditStats(db: DbOrTx, tenant: CreditsTenant): Promise<CreditStats> {
  const rows = await db
    .select({
      type: creditEntries.type,
      sum: sql<number>`coalesce(sum(${creditEntries.amount}), 0)::int`,
      live: sql<number>`coalesce(sum(${creditEntries.amount}) filter (where ${live}), 0)::int`,
      granted: sql<number>`coalesce(sum(${creditEntries.amount}) filter (where ${creditEntries.action} = 'credits_granted'), 0)::int`,
      consumed: sql<number>`coalesce(-sum(${creditEntries.amount}) filter (where ${creditEntries.action} = 'credits_consumed'), 0)::int`,
      refunded: sql<number>`coalesce(sum(${creditEntries.amount}) filter (where ${creditEntries.action} = 'credits_refunded'), 0)::int`,
      recordedExpiry: sql<number>`coalesce(-sum(${creditEntries.amount}) filter (where ${creditEntries.action} = 'credits_expired'), 0)::int`,
      count: sql<number>`count(*)::int`,
      updated: sql<Date | string | null>`max(${creditEntries.created})`,
    })
    .from(creditEntries)
    .where(eq(creditEntries.workspaceId, tenant.workspaceId))
    .groupBy(creditEntries.type);

  const byType = {} as Record<CreditType, CreditTypeStats>;
  let totalDocs = 0;
  let updated: Date | null = null;
  for (const type of creditTypes) {
    const row = rows.find((r) => r.type === type);
    const sum = Number(row?.sum ?? 0);
    const liveTotal = Number(row?.live ?? 0);
    const pendingExpiry = Math.max(0, sum - liveTotal);
    byType[type] = {
      balance: Math.max(0, Math.min(sum, liveTotal)),
      granted: Number(row?.granted ?? 0),
      usage: Number(row?.consumed ?? 0) - Number(row?.refunded ?? 0),
      expired: Number(row?.recordedExpiry ?? 0) + pendingExpiry,
    };
    totalDocs += Number(row?.count ?? 0);
    const last = row?.updated ? new Date(row.updated) : null;
    if (last && (!updated || last > updated)) updated = last;
  }
  const total = (key: keyof CreditTypeStats) => byType.hard_skills[key] + byType.soft_skills[key];
  return {
    total: total('balance'),
    totalDocs,
    hard_skills: byType.hard_skills,
    soft_skills: byType.soft_skills,
    usage: total('usage'),
    granted: total('granted'),
    expired: total('expired'),
    updated: updated ? updated.toISOString() : null,
  };
}

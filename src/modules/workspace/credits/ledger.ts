import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../platform/db/client.js';
import { AppError, badRequest } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { creditEntries, type CreditAction, type CreditType } from './schema.js';

export type CreditEntry = typeof creditEntries.$inferSelect;

export interface CreditsTenant {
  workspaceId: string;
}

export interface RelatedObject {
  type: string;
  id: string;
}

export interface CreditMovement {
  type: CreditType;
  amount: number;
  authorId?: string | null;
  related?: RelatedObject | null;
  note?: string | null;
}

/**
 * The balance of one credit type, derived from the ledger. Consumption counts against the grants
 * that expire first, so what is left belongs to the grants that expire last: the balance is the
 * ledger sum, capped by what the still-valid positive rows add up to (the rest has expired).
 */
const balanceSql = sql<number>`greatest(0, least(
  coalesce(sum(${creditEntries.amount}), 0),
  coalesce(sum(${creditEntries.amount}) filter (where ${creditEntries.amount} > 0 and (${creditEntries.expires} is null or ${creditEntries.expires} > now())), 0)
))::int`;

interface Totals {
  sum: number;
  live: number;
}

async function totals(db: DbOrTx, workspaceId: string, type: CreditType): Promise<Totals> {
  const [row] = await db
    .select({
      sum: sql<number>`coalesce(sum(${creditEntries.amount}), 0)::int`,
      live: sql<number>`coalesce(sum(${creditEntries.amount}) filter (where ${creditEntries.amount} > 0 and (${creditEntries.expires} is null or ${creditEntries.expires} > now())), 0)::int`,
    })
    .from(creditEntries)
    .where(sql`${creditEntries.workspaceId} = ${workspaceId} and ${creditEntries.type} = ${type}`);
  return { sum: Number(row.sum), live: Number(row.live) };
}

export async function creditBalance(db: DbOrTx, tenant: CreditsTenant, type: CreditType): Promise<number> {
  const [row] = await db
    .select({ balance: balanceSql })
    .from(creditEntries)
    .where(sql`${creditEntries.workspaceId} = ${tenant.workspaceId} and ${creditEntries.type} = ${type}`);
  return Number(row?.balance ?? 0);
}

/**
 * Serializes every balance-changing write of one (workspace, type) until the transaction ends.
 * A transaction-scoped advisory lock needs no row to exist and is released on commit or rollback.
 */
async function lockBalance(tx: Tx, workspaceId: string, type: CreditType): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('assay.credits'), hashtext(${`${workspaceId}:${type}`}))`);
}

function checkAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw badRequest('invalid_amount', 'amount must be a positive integer', 'amount');
}

async function insertEntry(tx: DbOrTx, workspaceId: string, action: CreditAction, amount: number, input: Omit<CreditMovement, 'amount'>, expires: Date | null = null): Promise<CreditEntry> {
  const [entry] = await tx
    .insert(creditEntries)
    .values({
      workspaceId,
      id: newId(),
      action,
      type: input.type,
      amount,
      authorId: input.authorId ?? null,
      relatedType: input.related?.type ?? null,
      relatedId: input.related?.id ?? null,
      note: input.note ?? null,
      expires,
    })
    .returning();
  return entry;
}

/**
 * Writes the expiry of grants whose time has passed as a `credits_expired` row, so the history
 * shows it. The balance does not depend on this row (it is derived either way); it only records it.
 */
async function settleExpired(tx: Tx, workspaceId: string, type: CreditType): Promise<Totals> {
  const t = await totals(tx, workspaceId, type);
  const lapsed = t.sum - t.live;
  if (lapsed <= 0) return t;
  await insertEntry(tx, workspaceId, 'credits_expired', -lapsed, { type });
  return { sum: t.live, live: t.live };
}

/**
 * Spends credits inside the caller's transaction (e.g. the assessments module unlocking a result).
 * Concurrent consumptions of the same workspace and type wait for each other, so the balance can
 * never go below zero. Throws 402 `insufficient_credits` when the balance does not cover `amount`.
 */
export async function consumeCredits(tx: Tx, tenant: CreditsTenant, input: CreditMovement): Promise<CreditEntry> {
  checkAmount(input.amount);
  await lockBalance(tx, tenant.workspaceId, input.type);
  const { sum } = await settleExpired(tx, tenant.workspaceId, input.type);
  if (sum < input.amount) {
    throw new AppError(402, 'insufficient_credits', `Not enough ${input.type} credits: ${Math.max(sum, 0)} available, ${input.amount} needed`);
  }
  return insertEntry(tx, tenant.workspaceId, 'credits_consumed', -input.amount, input);
}

/** Adds credits, optionally valid until `expires`. */
export async function grantCredits(tx: Tx, tenant: CreditsTenant, input: CreditMovement & { expires?: Date | null }): Promise<CreditEntry> {
  checkAmount(input.amount);
  if (input.expires && Number.isNaN(input.expires.getTime())) throw badRequest('invalid_expires', 'expires must be a date', 'expires');
  await lockBalance(tx, tenant.workspaceId, input.type);
  await settleExpired(tx, tenant.workspaceId, input.type);
  return insertEntry(tx, tenant.workspaceId, 'credits_granted', input.amount, input, input.expires ?? null);
}

/** Gives back credits spent on something that did not happen (e.g. an unlock rolled back by support). */
export async function refundCredits(tx: Tx, tenant: CreditsTenant, input: CreditMovement): Promise<CreditEntry> {
  checkAmount(input.amount);
  await lockBalance(tx, tenant.workspaceId, input.type);
  await settleExpired(tx, tenant.workspaceId, input.type);
  return insertEntry(tx, tenant.workspaceId, 'credits_refunded', input.amount, input);
}

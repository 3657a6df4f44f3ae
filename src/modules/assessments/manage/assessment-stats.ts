import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/client.js';
import { badRequest } from '../../../platform/errors.js';
import { dateRange } from '../../../platform/exports/date-range.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments, attempts } from '../schema.js';
import { assessmentScope, findAssessment } from './find-assessment.js';

const DAY_MS = 86_400_000;
export const defaultStatsDays = 30;
export const maxStatsDays = 366;

export interface StatsRange {
  from: Date;
  to: Date;
}

/**
 * The `[startDate, endDate]` of a stats request, whole UTC days (a day-only endDate includes that
 * day). Default: the last 30 days, today included. At most 366 days.
 */
export function statsRange(startDate: string | undefined, endDate: string | undefined, now = new Date()): StatsRange {
  const asked = dateRange(startDate, endDate, { start: 'query/startDate', end: 'query/endDate' });
  const floorDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
  const ceilDay = (at: Date) => new Date(Math.ceil(at.getTime() / DAY_MS) * DAY_MS);
  const to = asked.to ? ceilDay(asked.to) : new Date(floorDay(now).getTime() + DAY_MS);
  const from = asked.from ? floorDay(asked.from) : new Date(to.getTime() - defaultStatsDays * DAY_MS);
  if (from >= to) throw badRequest('invalid_date_range', 'startDate must be before endDate', 'query/endDate');
  if (to.getTime() - from.getTime() > maxStatsDays * DAY_MS) throw badRequest('date_range_too_long', `The range spans at most ${maxStatsDays} days`, 'query/startDate');
  return { from, to };
}

const invitedAt = sql`coalesce(${attempts.invitationDate}, ${attempts.created})`;

function within(column: SQL | AnyPgColumn, range: StatsRange): SQL {
  return sql`(${column} >= ${range.from.toISOString()}::timestamptz and ${column} < ${range.to.toISOString()}::timestamptz)`;
}

const countWhere = (condition: SQL) => sql<number>`count(${attempts.id}) filter (where ${condition})`.mapWith(Number);

/**
 * Metrics and the daily graph over the assessments `where` selects. Assessment counts are of now;
 * attempt counts are of events inside the range: invited (invitation date, else creation), started,
 * finished; average_score over the attempts finished in the range; completion_rate is the share (%)
 * of the attempts invited in the range that are finished. Two aggregate queries.
 */
async function statsOf(db: DbOrTx, tenant: ScopedTenant, where: SQL, range: StatsRange) {
  const invited = within(invitedAt, range);
  const finished = within(attempts.finished, range);
  const joinAttempts = and(eq(attempts.workspaceId, assessments.workspaceId), eq(attempts.assessmentId, assessments.id));
  const [metrics] = await db
    .select({
      assessments: sql<number>`count(distinct ${assessments.id})`.mapWith(Number),
      draft: sql<number>`count(distinct ${assessments.id}) filter (where ${assessments.status} = 'draft')`.mapWith(Number),
      published: sql<number>`count(distinct ${assessments.id}) filter (where ${assessments.status} = 'published')`.mapWith(Number),
      archived: sql<number>`count(distinct ${assessments.id}) filter (where ${assessments.status} = 'archived')`.mapWith(Number),
      participants: sql<number>`count(${attempts.id})`.mapWith(Number),
      invited: countWhere(invited),
      started: countWhere(within(attempts.started, range)),
      finished: countWhere(finished),
      pending_review: countWhere(sql`${attempts.status} = 'pending_review'`),
      expired: countWhere(sql`${attempts.status} = 'expired' and ${invited}`),
      average_score: sql<number | null>`round((avg(${attempts.score}) filter (where ${finished}))::numeric, 2)`.mapWith((v) => (v === null ? null : Number(v))),
      completion_rate: sql<number>`coalesce(round(100.0 * count(${attempts.id}) filter (where ${invited} and ${attempts.finished} is not null) / nullif(count(${attempts.id}) filter (where ${invited}), 0), 2), 0)`.mapWith(Number),
    })
    .from(assessments)
    .leftJoin(attempts, joinAttempts)
    .where(where);

  const day = sql`gs.day`;
  const inDay = (column: SQL | AnyPgColumn) => sql`(${column} >= ${day} and ${column} < ${day} + interval '1 day')`;
  const visible = db.select({ id: assessments.id }).from(assessments).where(where);
  const graph = await db
    .select({
      date: sql<string>`to_char(${day} at time zone 'UTC', 'YYYY-MM-DD')`,
      invited: countWhere(inDay(invitedAt)),
      started: countWhere(inDay(attempts.started)),
      finished: countWhere(inDay(attempts.finished)),
    })
    .from(sql`generate_series(${range.from.toISOString()}::timestamptz, ${range.to.toISOString()}::timestamptz - interval '1 day', interval '1 day') as gs(day)`)
    .leftJoin(attempts, and(
      eq(attempts.workspaceId, tenant.workspaceId),
      sql`${attempts.assessmentId} in (${visible})`,
      sql`(${inDay(invitedAt)} or ${inDay(attempts.started)} or ${inDay(attempts.finished)})`,
    ))
    .groupBy(day)
    .orderBy(day);

  return {
    metrics,
    updated: new Date().toISOString(),
    group_by: 'date' as const,
    range: { startDate: range.from.toISOString(), endDate: range.to.toISOString() },
    graph,
  };
}

export type AssessmentStats = Awaited<ReturnType<typeof statsOf>>;

/** GET /assessments/stats: every assessment the request sees. */
export function workspaceStats(db: DbOrTx, tenant: ScopedTenant, range: StatsRange): Promise<AssessmentStats> {
  return statsOf(db, tenant, assessmentScope(tenant), range);
}

/** GET /assessments/:id/stats: one assessment. */
export async function oneAssessmentStats(db: DbOrTx, tenant: ScopedTenant, id: string, range: StatsRange): Promise<AssessmentStats> {
  await findAssessment(db, tenant, id);
  return statsOf(db, tenant, and(assessmentScope(tenant), eq(assessments.id, id))!, range);
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import { attempts, type AttemptRow } from '../schema.js';
import { attemptByToken } from './attempt-access.js';
import { timeRefusal } from './attempt-time.js';

/** The attempt of `:id` when `access_token` is its token; any mismatch is the same 404. */
export async function attemptForNotes(db: Db, runtime: Runtime, id: string, accessToken: string): Promise<AttemptRow> {
  const attempt = await attemptByToken(db, runtime, accessToken);
  if (attempt.id !== id) throw notFound('Attempt');
  return attempt;
}

/** Replaces the candidate's scratch notes while the attempt is in progress (started, time not over: 409 otherwise). */
export async function saveAttemptNotes(db: Db, attempt: AttemptRow, notes: string, now = new Date()): Promise<AttemptRow> {
  const refusal = timeRefusal(attempt, now);
  if (refusal) throw refusal;
  const [updated] = await db.update(attempts).set({ notes, updated: now }).where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id))).returning();
  return updated;
}

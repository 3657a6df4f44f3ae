import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Runtime } from '../../../platform/runtime.js';
import { AppError } from '../../../platform/errors.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessments, attempts, type AttemptStatus } from '../schema.js';
import { assessmentNotFound, assessmentScope } from './find-assessment.js';

/** Attempts in these statuses (or ever started) hold a candidate's work: their assessment is not deleted. */
const takenStatuses: AttemptStatus[] = ['started', 'pending', 'pending_review', 'finished', 'blocked'];

/**
 * Deletes the assessments, all or none, in one transaction. Every id must be an assessment the
 * request sees (404 naming body/ids/<i>). An assessment with an attempt that was started (or is
 * finished, pending review, blocked) is refused with a 409 `assessment_has_attempts`: archive it
 * instead. Its other attempts (draft, invited, scheduled, expired unstarted), share links and
 * revisions go with it; then its media files are removed from storage.
 */
export async function deleteAssessments(runtime: Runtime, tenant: ScopedTenant, ids: string[]): Promise<{ deleted: string[] }> {
  const unique = [...new Set(ids)];
  const media = await runtime.database.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: assessments.id, media: assessments.media })
      .from(assessments)
      .where(and(assessmentScope(tenant), inArray(assessments.id, unique)))
      .for('update');
    const found = new Set(rows.map((row) => row.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw assessmentNotFound(`body/ids/${missing}`);
    const taken = await tx
      .select({ assessmentId: attempts.assessmentId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(attempts)
      .where(and(
        eq(attempts.workspaceId, tenant.workspaceId),
        inArray(attempts.assessmentId, unique),
        or(inArray(attempts.status, takenStatuses), isNotNull(attempts.started)),
      ))
      .groupBy(attempts.assessmentId);
    if (taken.length > 0) {
      throw new AppError(409, 'assessment_has_attempts', 'Assessments whose attempts were started keep their results: archive them instead', taken.map((t) => ({
        field: `body/ids/${ids.indexOf(t.assessmentId)}`,
        message: `${t.assessmentId} has ${t.n} started or finished attempt(s)`,
      })));
    }
    await tx.delete(assessments).where(and(eq(assessments.workspaceId, tenant.workspaceId), inArray(assessments.id, unique)));
    return rows.flatMap((row) => row.media);
  });
  for (const file of media) await runtime.storage.delete(file.path).catch((error: unknown) => runtime.log.warn({ err: error, path: file.path }, 'assessment media not removed'));
  return { deleted: unique };
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { queueMails } from '../../../platform/mail/queue-mail.js';
import type { Runtime } from '../../../platform/runtime.js';
import { normalizeEmail } from '../../identity/users.js';
import { assessmentLinks, assessments, attempts, type AttemptRow } from '../schema.js';
import { attemptToken } from './attempt-access.js';
import { candidateAccounts } from './candidate-accounts.js';
import { revisionFor } from './freeze-revision.js';
import { invitationMails, newAttempts } from './invite-attempts.js';

export type OpenedLink =
  /** A new attempt: its token is answered to whoever opened the link. */
  | { kind: 'created'; attempt: AttemptRow; token: string }
  /** The address already has an attempt at this assessment: its link goes to that mailbox only. */
  | { kind: 'mailed'; email: string };

const workspaceOfToken = (token: string) => (/^[0-9a-f]{24}/.test(token) ? token.slice(0, 24) : undefined);

/**
 * Opens a share link: inside its window (open_at ≤ now < close_at), while active and the assessment
 * published, the first open of an address creates its attempt (`invited`, source share_link, the
 * link's tags) and answers the attempt token. An address that already has an attempt at the
 * assessment never gets its token here — anyone may type an address — so its link is e-mailed to it.
 */
export async function openShareLink(db: Db, runtime: Runtime, token: string, person: { email: string; name?: string }, now = new Date()): Promise<OpenedLink> {
  const workspaceId = workspaceOfToken(token);
  if (!workspaceId) throw notFound('Link');
  const email = normalizeEmail(person.email);
  return db.transaction(async (tx) => {
    const [link] = await tx.select().from(assessmentLinks).where(and(eq(assessmentLinks.workspaceId, workspaceId), eq(assessmentLinks.token, token)));
    if (!link || !link.active) throw notFound('Link');
    if (link.openAt && link.openAt > now) throw conflict('link_not_open', `The link opens at ${link.openAt.toISOString()}`);
    if (link.closeAt && link.closeAt <= now) throw conflict('link_closed', 'The link is closed');
    const [assessment] = await tx.select().from(assessments).where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, link.assessmentId)));
    if (!assessment || assessment.status !== 'published') throw conflict('assessment_not_published', 'The assessment does not take attempts now');
    const revision = await revisionFor(tx, workspaceId, assessment.id);
    const accounts = await candidateAccounts(tx, [email]);
    const context = { db, runtime, tenant: { workspaceId, allowedSubaccountIds: [] }, actorId: null };
    const [row] = newAttempts(context, assessment, revision, [{ email, name: person.name, tags: link.tags, userId: accounts.get(email)! }], { source: 'share_link', linkId: link.id }, now);
    const [created] = await tx.insert(attempts).values(row).onConflictDoNothing().returning();
    if (created) return { kind: 'created', attempt: created, token: attemptToken(runtime, created) };
    const [existing] = await tx.select().from(attempts).where(and(eq(attempts.workspaceId, workspaceId), eq(attempts.assessmentId, assessment.id), eq(attempts.email, email)));
    await queueMails(tx, await invitationMails(tx, runtime, assessment, [existing]));
    return { kind: 'mailed', email };
  });
}

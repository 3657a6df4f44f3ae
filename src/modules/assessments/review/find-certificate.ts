import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import type { Runtime } from '../../../platform/runtime.js';
import { notFound } from '../../../platform/errors.js';
import type { Language } from '../../../platform/http/request-context.js';
import { isId } from '../../../platform/ids.js';
import { workspaces } from '../../identity/workspaces/schema.js';
import { skills } from '../../skills/schema.js';
import { tokenIds, tokenMatches } from '../attempt-tokens.js';
import { attempts, type AttemptRow } from '../schema.js';
import type { RevisionContent } from '../types.js';
import { attemptScope, type AttemptTenant } from '../scoring/find-scored-attempt.js';
import { loadRevisions } from '../scoring/load-scoring-input.js';
import { attemptPassed, certificateToken } from '../scoring/announce-attempt-finished.js';

export interface Certificate {
  attempt: AttemptRow;
  revision: RevisionContent;
  token: string;
  subject: string;
  skills: Array<{ _id: string; name: string }>;
  whitelabel: Record<string, unknown>;
}

const certificateNotFound = () => notFound('Certificate');

async function attemptOfToken(db: DbOrTx, runtime: Runtime, token: string, tenant: AttemptTenant | undefined): Promise<AttemptRow | undefined> {
  const ids = tokenIds(token);
  if (ids) {
    const [attempt] = await db.select().from(attempts).where(and(eq(attempts.workspaceId, ids.workspaceId), eq(attempts.id, ids.id)));
    if (!attempt) return undefined;
    return tokenMatches(runtime.tokens, 'certificate', token, { workspaceId: attempt.workspaceId, id: attempt.id, nonce: attempt.tokenNonce }) ? attempt : undefined;
  }
  // A bare attempt id is no secret: it opens a certificate only to a caller of the attempt's workspace.
  if (!tenant || !isId(token)) return undefined;
  const [attempt] = await db.select().from(attempts).where(and(attemptScope(tenant), eq(attempts.id, token)));
  return attempt;
}

/**
 * The certificate of a finished attempt that passed (score ≥ settings.passing_score; with none set,
 * every finished attempt). `token` is the certificate token of the result e-mail, or an attempt id
 * when the caller is authenticated in the attempt's workspace. Anything else answers 404.
 */
export async function findCertificate(db: DbOrTx, runtime: Runtime, token: string, tenant: AttemptTenant | undefined, language: Language): Promise<Certificate> {
  const attempt = await attemptOfToken(db, runtime, token, tenant);
  if (!attempt || attempt.status !== 'finished' || !attempt.revisionId) throw certificateNotFound();
  const revision = (await loadRevisions(db, attempt.workspaceId, [attempt.revisionId])).get(attempt.revisionId);
  if (!revision || !attemptPassed(attempt.score, revision)) throw certificateNotFound();

  const skillIds = [...new Set(revision.questions.flatMap((question) => question.skill_ids))].sort();
  const skillRows = skillIds.length === 0 ? [] : await db.select({ id: skills.id, name: skills.name }).from(skills).where(inArray(skills.id, skillIds));
  const named = skillRows
    .map((row) => ({ _id: row.id, name: row.name[language] ?? row.name.en }))
    .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  const [workspace] = await db.select({ whitelabel: workspaces.whitelabel }).from(workspaces).where(eq(workspaces.id, attempt.workspaceId));
  return {
    attempt,
    revision,
    token: certificateToken(runtime, attempt),
    subject: named.length > 0 ? named.map((skill) => skill.name).join(', ') : revision.name,
    skills: named,
    whitelabel: (workspace?.whitelabel ?? {}) as Record<string, unknown>,
  };
}

/** The certificate's type: the one type of the attempt's point-bearing questions, else `assessment`. */
export function certificateType(revision: RevisionContent): string {
  const types = new Set(revision.questions.filter((question) => question.type !== 'softskill').map((question) => question.type));
  return types.size === 1 ? [...types][0] : 'assessment';
}

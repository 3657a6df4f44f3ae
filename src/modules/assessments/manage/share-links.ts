import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { badRequest } from '../../../platform/errors.js';
import { newId, newSecret } from '../../../platform/ids.js';
import type { ScopedTenant } from '../../workspace/scope.js';
import { assessmentLinks, assessments, type AssessmentRow } from '../schema.js';
import { assessmentNotFound, findAssessment } from './find-assessment.js';

type LinkRow = typeof assessmentLinks.$inferSelect;

export interface LinkInput {
  _id?: string;
  name?: string | null;
  active: boolean;
  tags?: string[];
  open_at?: string | null;
  close_at?: string | null;
}

/** The path a candidate opens: the same for share-link and invitation tokens (their shapes differ). */
export const takeUrl = (appUrl: string, token: string) => `${appUrl.replace(/\/+$/, '')}/take/${encodeURIComponent(token)}`;

/** A share-link token: the workspace id (so an open finds its workspace), a dot, 128 random bits. */
export const newLinkToken = (workspaceId: string) => `${workspaceId}.${newSecret(16)}`;

/** Whether the link lets someone in now: active, the assessment published, inside its window. */
export function linkIsOpen(link: Pick<LinkRow, 'active' | 'openAt' | 'closeAt'>, assessment: Pick<AssessmentRow, 'status'>, now: Date): boolean {
  return link.active && assessment.status === 'published' && (!link.openAt || link.openAt <= now) && (!link.closeAt || now < link.closeAt);
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** What anyone may know of a link: whether and when it is open, never its token or tags. */
function publicLinkView(link: LinkRow, assessment: AssessmentRow, now: Date) {
  return { _id: link.id, name: link.name, active: link.active, open_at: iso(link.openAt), close_at: iso(link.closeAt), open: linkIsOpen(link, assessment, now) };
}

function linkView(link: LinkRow, assessment: AssessmentRow, appUrl: string, now: Date) {
  return { ...publicLinkView(link, assessment, now), token: link.token, url: takeUrl(appUrl, link.token), tags: link.tags, created: link.created.toISOString() };
}

export type LinkView = ReturnType<typeof linkView>;
export type PublicLinkView = ReturnType<typeof publicLinkView>;

async function linksOf(db: DbOrTx, workspaceId: string, assessmentId: string): Promise<LinkRow[]> {
  return db.select().from(assessmentLinks)
    .where(and(eq(assessmentLinks.workspaceId, workspaceId), eq(assessmentLinks.assessmentId, assessmentId)))
    .orderBy(asc(assessmentLinks.created), asc(assessmentLinks.id));
}

/** The links of an assessment, whole, for its workspace. */
export async function findShareLinks(db: DbOrTx, tenant: ScopedTenant, id: string, appUrl: string): Promise<LinkView[]> {
  const assessment = await findAssessment(db, tenant, id);
  const now = new Date();
  return (await linksOf(db, tenant.workspaceId, id)).map((link) => linkView(link, assessment, appUrl, now));
}

/** The links of an assessment as a caller outside the workspace sees them (the route is public). */
export async function findPublicShareLinks(db: DbOrTx, workspaceId: string, id: string): Promise<PublicLinkView[]> {
  const [assessment] = await db.select().from(assessments).where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, id)));
  if (!assessment || assessment.status === 'draft') throw assessmentNotFound();
  const now = new Date();
  return (await linksOf(db, workspaceId, id)).map((link) => publicLinkView(link, assessment, now));
}

function windowOf(link: LinkInput, i: number): { openAt: Date | null; closeAt: Date | null } {
  const openAt = link.open_at ? new Date(link.open_at) : null;
  const closeAt = link.close_at ? new Date(link.close_at) : null;
  if (openAt && closeAt && closeAt <= openAt) throw badRequest('invalid_link_window', 'close_at must be after open_at', `body/links/${i}/close_at`);
  return { openAt, closeAt };
}

/**
 * Replaces the assessment's set of links in one transaction: links sent with an `_id` are updated
 * and keep their token, new ones get a fresh token, links left out are deleted (their token stops
 * opening anything; attempts already made through them stay).
 */
export async function replaceShareLinks(db: DbOrTx, tenant: ScopedTenant, id: string, links: LinkInput[], appUrl: string): Promise<LinkView[]> {
  return db.transaction(async (tx) => {
    const assessment = await findAssessment(tx, tenant, id, { forUpdate: true });
    const existing = new Map((await linksOf(tx, tenant.workspaceId, id)).map((link) => [link.id, link]));
    const kept = new Set<string>();
    const writes = links.map((link, i) => {
      const window = windowOf(link, i);
      if (link._id !== undefined) {
        if (!existing.has(link._id)) throw badRequest('link_not_found', `Link ${link._id} is not a link of this assessment`, `body/links/${i}/_id`);
        if (kept.has(link._id)) throw badRequest('duplicate_link', `Link ${link._id} is listed twice`, `body/links/${i}/_id`);
        kept.add(link._id);
      }
      return { link, window };
    });
    const scope = and(eq(assessmentLinks.workspaceId, tenant.workspaceId), eq(assessmentLinks.assessmentId, id));
    await tx.delete(assessmentLinks).where(kept.size > 0 ? and(scope, notInArray(assessmentLinks.id, [...kept])) : scope);
    for (const { link, window } of writes) {
      const values = { name: link.name ?? null, active: link.active, tags: [...new Set(link.tags ?? [])], ...window };
      if (link._id !== undefined) {
        await tx.update(assessmentLinks).set(values).where(and(scope, inArray(assessmentLinks.id, [link._id])));
      } else {
        await tx.insert(assessmentLinks).values({ ...values, workspaceId: tenant.workspaceId, id: newId(), assessmentId: id, token: newLinkToken(tenant.workspaceId) });
      }
    }
    const now = new Date();
    return (await linksOf(tx, tenant.workspaceId, id)).map((row) => linkView(row, assessment, appUrl, now));
  });
}

import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { findQuestions } from '../../questions/find-questions.js';
import type { DurationUnit } from '../../questions/schema.js';
import { assessmentRevisions, assessments, type AssessmentRow, type RevisionRow } from '../schema.js';
import type { FrozenQuestion, RevisionContent } from '../types.js';

const unitSeconds: Record<DurationUnit, number> = { minute: 60, hour: 3600, day: 86_400 };

export function durationSeconds(duration: number, unit: DurationUnit): number {
  return Math.round(duration * unitSeconds[unit]);
}

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The assessment as an attempt takes it: its questions frozen with solutions and hidden tests. */
export async function revisionContent(db: DbOrTx, assessment: AssessmentRow): Promise<RevisionContent> {
  const found = await findQuestions(db, assessment.workspaceId, assessment.questions.map((entry) => entry._id));
  const questions = assessment.questions.map((entry, i): FrozenQuestion => {
    const question = found.get(entry._id);
    if (!question) throw new AppError(409, 'assessment_question_not_found', `question ${entry._id} (questions/${i}) of the assessment no longer exists`);
    return {
      _id: question.id,
      type: question.type,
      level: question.level,
      title: question.title,
      description: question.description,
      locale: question.locale,
      skill_ids: question.skillIds,
      duration: question.duration,
      duration_unit: question.durationUnit,
      weight: question.weight * (entry.weight ?? 1),
      section: entry.section ?? null,
      content: question.content,
      settings: { ...question.settings, ...(entry.settings ?? {}) },
    };
  });
  return {
    name: assessment.name,
    description: assessment.description,
    language: assessment.language,
    duration_seconds: durationSeconds(assessment.duration, assessment.durationUnit),
    settings: assessment.settings,
    sections: assessment.sections,
    questions,
  };
}

/**
 * The revision attempts of this assessment take now: the stored one with the same content (sha256
 * of its canonical JSON), else a new one numbered after the last. Two concurrent freezes of the same
 * content meet on the unique (assessment, sha256) index and answer the same row.
 */
export async function revisionFor(tx: DbOrTx, workspaceId: string, assessmentId: string): Promise<RevisionRow> {
  const [assessment] = await tx.select().from(assessments).where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.id, assessmentId)));
  if (!assessment) throw notFound('Assessment');
  const content = await revisionContent(tx, assessment);
  const sha256 = createHash('sha256').update(canonicalJson(content)).digest('hex');
  const same = and(eq(assessmentRevisions.workspaceId, workspaceId), eq(assessmentRevisions.assessmentId, assessmentId), eq(assessmentRevisions.sha256, sha256));
  const [existing] = await tx.select().from(assessmentRevisions).where(same);
  if (existing) return existing;
  const [last] = await tx
    .select({ number: assessmentRevisions.number })
    .from(assessmentRevisions)
    .where(and(eq(assessmentRevisions.workspaceId, workspaceId), eq(assessmentRevisions.assessmentId, assessmentId)))
    .orderBy(desc(assessmentRevisions.number))
    .limit(1);
  const [inserted] = await tx
    .insert(assessmentRevisions)
    .values({ workspaceId, id: newId(), assessmentId, number: (last?.number ?? 0) + 1, sha256, content })
    .onConflictDoNothing()
    .returning();
  if (inserted) return inserted;
  const [raced] = await tx.select().from(assessmentRevisions).where(same);
  return raced;
}

/** Revisions read by id, per database handle: a stored revision never changes, and every candidate request reads one. */
const revisionCache = new WeakMap<DbOrTx, Map<string, RevisionRow>>();
const REVISION_CACHE_SIZE = 256;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A revision by id, from memory after the first read (frozen: callers share it and never change it). */
export async function findRevision(db: DbOrTx, workspaceId: string, revisionId: string): Promise<RevisionRow | undefined> {
  let cache = revisionCache.get(db);
  if (!cache) revisionCache.set(db, (cache = new Map<string, RevisionRow>()));
  const key = `${workspaceId}.${revisionId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [revision] = await db.select().from(assessmentRevisions).where(and(eq(assessmentRevisions.workspaceId, workspaceId), eq(assessmentRevisions.id, revisionId)));
  if (!revision) return undefined;
  if (cache.size >= REVISION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, deepFreeze(revision));
  return revision;
}

/** Revisions never change once written, so the candidate's hot path (every save) reads them from memory. */
const CACHED_REVISIONS = 500;
const cache = new Map<string, RevisionRow>();

export async function cachedRevision(db: DbOrTx, workspaceId: string, revisionId: string): Promise<RevisionRow | undefined> {
  const key = `${workspaceId}:${revisionId}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const revision = await findRevision(db, workspaceId, revisionId);
  if (!revision) return undefined;
  cache.set(key, revision);
  if (cache.size > CACHED_REVISIONS) cache.delete(cache.keys().next().value!);
  return revision;
}

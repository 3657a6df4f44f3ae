import { and, eq, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { AppError, badRequest } from '../../platform/errors.js';
import { findDataset } from '../judge/datasets/find-datasets.js';
import { checkSubaccountRefs } from '../workspace/subaccounts/check-subaccounts.js';
import { checkConfinedAssignment } from '../workspace/confinement.js';
import type { ScopedTenant } from '../workspace/scope.js';
import { checkContent } from './check-content.js';
import type { QuestionContent } from './content.js';
import type { VisibleQuestion } from './find-questions.js';
import { publicQuestions, questions, type QuestionStatus } from './schema.js';
import type { UpdateBody } from './schemas.js';

/** Who writes: the request's tenant, the acting user (the author) and whether they are an instance super admin. */
export interface QuestionActor {
  tenant: ScopedTenant;
  actorId: string | null;
  superAdmin: boolean;
}

/** The columns a question's writable fields fill (both tables share them). */
export type QuestionValues = Pick<
  VisibleQuestion,
  | 'type' | 'status' | 'level' | 'title' | 'description' | 'locale' | 'duration' | 'durationUnit' | 'weight' | 'skillIds' | 'categories'
  | 'questionDomains' | 'topics' | 'content' | 'settings' | 'internalNotes' | 'subaccountIds'
>;

const contentKeys = ['question', 'fast', 'coding', 'sql', 'project'] as const;

/**
 * The question a body makes of `base` (the stored question, or defaults on create): fields sent
 * replace the stored ones, a content key sent replaces that key; when the type changes, the old
 * type's content goes. Checked as a whole (check-content.ts), so a partial update cannot leave a
 * question its type cannot use.
 */
export function mergeQuestion(base: QuestionValues, body: UpdateBody): QuestionValues {
  const type = body.type ?? base.type;
  const content: QuestionContent = type === base.type ? { ...base.content } : {};
  for (const key of contentKeys) if (body[key] !== undefined) (content as Record<string, unknown>)[key] = body[key];
  const locale = body.locale ?? base.locale;
  const title = body.title ?? (body.locale ? locale[0]?.title : undefined) ?? base.title;
  const description = body.description ?? (body.locale ? locale[0]?.description : undefined) ?? base.description;
  const settings = { ...(body.settings ?? base.settings) };
  if (body.career !== undefined) settings.career = body.career;
  const merged: QuestionValues = {
    type,
    status: body.status ?? base.status,
    level: body.level ?? base.level,
    title: title.trim(),
    description,
    locale,
    duration: body.duration ?? base.duration,
    durationUnit: typeof body.duration_unit === 'string' ? body.duration_unit : base.durationUnit,
    // Stored as a float4: four decimals keep it exact enough and out of its underflow range.
    weight: body.weight !== undefined ? Math.round(body.weight * 10_000) / 10_000 : base.weight,
    skillIds: body.skills ? [...new Set(body.skills.map((s) => (typeof s === 'string' ? s : s._id)))] : base.skillIds,
    categories: body.categories ?? base.categories,
    questionDomains: body.question_domains ?? base.questionDomains,
    topics: body.topics ?? base.topics,
    content,
    settings,
    internalNotes: body.internal_notes !== undefined ? body.internal_notes : base.internalNotes,
    subaccountIds: body.subaccount_ids ? [...new Set(body.subaccount_ids)] : base.subaccountIds,
  };
  if (!merged.title) throw badRequest('invalid_question', 'A question needs a title: send title or a locale entry', 'body/title');
  checkContent(merged.type, merged.content, merged.locale);
  return merged;
}

export const newQuestionDefaults: QuestionValues = {
  type: 'essay',
  status: 'created',
  level: 'intermediate',
  title: '',
  description: '',
  locale: [],
  duration: 10,
  durationUnit: 'minute',
  weight: 1,
  skillIds: [],
  categories: [],
  questionDomains: [],
  topics: [],
  content: {},
  settings: {},
  internalNotes: null,
  subaccountIds: [],
};

/**
 * created → published → archived; created may be archived directly; an archived question comes
 * back only through unarchive (→ published). Nothing goes back to created.
 */
const transitions: Record<QuestionStatus, readonly QuestionStatus[]> = {
  created: ['created', 'published', 'archived'],
  published: ['published', 'archived'],
  archived: ['archived'],
};

export function checkTransition(from: QuestionStatus, to: QuestionStatus, field = 'body/status'): void {
  if (!transitions[from].includes(to)) {
    throw new AppError(409, 'invalid_status_transition', `A ${from} question cannot become ${to} (created → published → archived; unarchive → published)`, [
      { field, message: `${from} → ${to} is not allowed` },
    ]);
  }
}

/**
 * What the values reference must exist for the workspace: its subaccounts (when they changed), the
 * SQL dataset. A public question is read by every workspace, so its dataset must be a shared one.
 */
export async function checkReferences(
  db: DbOrTx,
  tenant: ScopedTenant,
  values: QuestionValues,
  options: { subaccountsChanged: boolean; scope: 'private' | 'public' },
): Promise<void> {
  if (options.subaccountsChanged) {
    checkConfinedAssignment(tenant, values.subaccountIds, 'body/subaccount_ids');
    await checkSubaccountRefs(db, tenant, values.subaccountIds.map((id, i) => ({ id, field: `body/subaccount_ids/${i}` })));
  }
  const datasetId = values.type === 'sql' ? values.content.sql?.dataset_id : undefined;
  if (!datasetId) return;
  const dataset = await findDataset(db, tenant, datasetId).catch(() => {
    throw new AppError(404, 'question_dataset_not_found', `Question dataset ${datasetId} not found`, [
      { field: 'body/sql/dataset_id', message: 'not a dataset of this workspace nor a shared one' },
    ]);
  });
  if (options.scope === 'public' && dataset.company !== null) {
    throw new AppError(400, 'invalid_question', 'A public question runs on a shared dataset: other workspaces cannot read this workspace\'s own', [
      { field: 'body/sql/dataset_id', message: 'must be a shared dataset for a public question' },
    ]);
  }
}

/** A URL-safe slug from a title: lower-case ASCII words joined by dashes. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'question';
}

/**
 * The first free slug of `base`, `base-2`, `base-3`... in the table the question goes to (a
 * workspace's own slugs, or the public ones). A concurrent create taking it is caught by the unique
 * index: the caller then falls back to `base-<id>`, unique because the id is.
 */
export async function freeSlug(db: DbOrTx, base: string, target: { workspaceId: string } | 'public'): Promise<string> {
  const table = target === 'public' ? publicQuestions : questions;
  const taken = await db
    .select({ slug: table.slug })
    .from(table)
    .where(
      and(
        target === 'public' ? undefined : eq(questions.workspaceId, target.workspaceId),
        or(eq(table.slug, base), like(table.slug, `${base}-%`)),
      ),
    );
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const touch = () => sql`now()`;

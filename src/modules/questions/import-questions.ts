import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.js';
import { insertMany } from '../../platform/db/insert-many.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { questionDatasets, sharedQuestionDatasets } from '../judge/datasets/schema.js';
import { skills, skillVariants } from '../skills/schema.js';
import { skillIdOf } from '../skills/skill-id.js';
import { taxonomy } from '../skills/taxonomy.js';
import { prepareQuestion, type ImportRow, type PreparedQuestion, type RowDefaults } from './import-rows.js';
import { questions } from './schema.js';

export interface ImportInput {
  rows: ImportRow[];
  /** Where the rows came from, for error paths: `body/questions` or `file/questions`. */
  prefix: string;
  language: RowDefaults['language'];
  status: RowDefaults['status'];
}

export interface ImportContext {
  workspaceId: string;
  subaccountId?: string;
  /** Subaccounts the caller is confined to (empty: the whole workspace). */
  allowedSubaccountIds: string[];
  authorId: string | null;
}

/** At most this many problems are reported; past it the list ends with a count. */
const maxProblems = 100;

function refused(problems: FieldProblem[]): AppError {
  const shown = problems.slice(0, maxProblems);
  const more = problems.length > maxProblems ? ` (first ${maxProblems} of ${problems.length} shown)` : '';
  return new AppError(400, 'import_invalid', `No question was imported: ${problems.length} problem(s) in the rows${more}. First: ${shown[0].field}: ${shown[0].message}`, shown);
}

const isId = (ref: string) => /^[0-9a-f]{24}$/.test(ref);
const taxonomySlugs = new Map(taxonomy.map((s) => [s.slug, skillIdOf(s.slug)]));
const taxonomyIds = new Set(taxonomySlugs.values());

/** Each reference (slug or id) to the skill id it names, or undefined when the workspace knows no such skill. */
async function resolveSkills(db: DbOrTx, workspaceId: string, refs: string[]): Promise<Map<string, string | undefined>> {
  const resolved = new Map<string, string | undefined>();
  const ids = [...new Set(refs.filter((r) => isId(r)))];
  const slugs = [...new Set(refs.filter((r) => !isId(r)).map((r) => r.toLowerCase()))];
  const knownIds = new Set(ids.filter((id) => taxonomyIds.has(id)));
  const unknownIds = ids.filter((id) => !knownIds.has(id));
  if (unknownIds.length > 0) {
    for (const row of await db.select({ id: skills.id }).from(skills).where(inArray(skills.id, unknownIds))) knownIds.add(row.id);
    const variants = await db.select({ id: skillVariants.id }).from(skillVariants).where(and(eq(skillVariants.workspaceId, workspaceId), inArray(skillVariants.id, unknownIds)));
    for (const row of variants) knownIds.add(row.id);
  }
  const slugIds = new Map<string, string>();
  for (const slug of slugs) {
    const id = taxonomySlugs.get(slug);
    if (id) slugIds.set(slug, id);
  }
  const unknownSlugs = slugs.filter((slug) => !slugIds.has(slug));
  if (unknownSlugs.length > 0) {
    for (const row of await db.select({ id: skills.id, slug: skills.slug }).from(skills).where(inArray(skills.slug, unknownSlugs))) slugIds.set(row.slug, row.id);
  }
  for (const ref of refs) resolved.set(ref, isId(ref) ? (knownIds.has(ref) ? ref : undefined) : slugIds.get(ref.toLowerCase()));
  return resolved;
}

async function visibleDatasets(db: DbOrTx, workspaceId: string, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const own = await db.select({ id: questionDatasets.id }).from(questionDatasets).where(and(eq(questionDatasets.workspaceId, workspaceId), inArray(questionDatasets.id, unique)));
  const shared = await db.select({ id: sharedQuestionDatasets.id }).from(sharedQuestionDatasets).where(inArray(sharedQuestionDatasets.id, unique));
  return new Set([...own, ...shared].map((row) => row.id));
}

/**
 * Imports spreadsheet rows as questions of the workspace, all or nothing: every row is checked
 * (schema, type rules, skills, datasets) and any problem refuses the whole import with a 400 naming
 * `<prefix>/<row>/<field>`; otherwise the rows go in one transaction. The batch id is kept in each
 * question's `settings.import_batch_id`.
 */
export async function importQuestions(db: Db, context: ImportContext, input: ImportInput): Promise<{ ids: string[]; batch_id: string }> {
  const batchId = newId();
  const defaults: RowDefaults = {
    language: input.language,
    status: input.status,
    workspaceId: context.workspaceId,
    // A scoped request puts the questions where it can see them.
    subaccountIds: context.subaccountId ? [context.subaccountId] : context.allowedSubaccountIds,
    authorId: context.authorId,
    batchId,
  };
  const problems: FieldProblem[] = [];
  const prepared = input.rows.map((row, index) => prepareQuestion(row, index, input.prefix, defaults, problems));
  const ready = prepared.filter((p): p is PreparedQuestion => p !== undefined);

  const skillIds = await resolveSkills(db, context.workspaceId, ready.flatMap((p) => p.skillRefs));
  const datasets = await visibleDatasets(db, context.workspaceId, ready.flatMap((p) => (p.datasetId ? [p.datasetId] : [])));
  for (const [index, question] of prepared.entries()) {
    if (!question) continue;
    const ids: string[] = [];
    for (const ref of question.skillRefs) {
      const id = skillIds.get(ref);
      if (!id) problems.push({ field: `${input.prefix}/${index}/skills`, message: `no skill "${ref}" (a taxonomy slug, or the id of a skill or of a skill variant of this workspace)` });
      else if (!ids.includes(id)) ids.push(id);
    }
    question.row.skillIds = ids;
    if (question.datasetId && !datasets.has(question.datasetId)) {
      problems.push({ field: `${input.prefix}/${index}/dataset_id`, message: 'no such dataset in this workspace nor shared' });
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => rowOf(a.field) - rowOf(b.field));
    throw refused(problems);
  }
  const rows = ready.map((p) => p.row);
  await db.transaction((tx) => insertMany(tx, questions, rows));
  return { ids: rows.map((r) => r.id), batch_id: batchId };
}

const rowOf = (field: string) => Number(/\/(\d+)\//.exec(field)?.[1] ?? 0);

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { and, inArray, ne, sql } from 'drizzle-orm';
import type { Runtime } from '../../platform/runtime.js';
import { tenantOf } from '../../platform/http/request-context.js';
import { errorResponse } from '../../platform/http/error-responses.js';
import { FilterQuery } from '../../platform/filters/json-logic.js';
import { Paginated } from '../../platform/paging/paginate.js';
import { actorId } from '../workspace/actor.js';
import { archiveQuestions, deleteQuestions, unarchiveQuestions } from './bulk-questions.js';
import { createQuestion } from './create-question.js';
import { duplicateQuestion } from './duplicate-question.js';
import { findQuestionBySlug, getQuestion, parseInclude } from './get-question.js';
import { findCatalog, findLibrary, findSimpleLibrary, challengeTypes, groupingOf, questionFilterNames, simpleTypes } from './list-questions.js';
import { pageQuestionAuthors } from './question-authors.js';
import { questionFields } from './question-fields.js';
import { pageQuestionSkills, skillsOfQuestion } from './question-skills.js';
import { PublicQuestionSchema, QuestionSchema, publicQuestionView, questionView } from './question-view.js';
import type { QuestionActor } from './question-values.js';
import { recommendQuestions } from './recommend-questions.js';
import * as S from './schemas.js';
import { updateQuestion } from './update-question.js';
import { findReadableQuestion } from './visible-questions.js';

const tags = ['Assessments: questions'];

const jsonLogicNote = `JSONLogic \`query\` (base64) on: ${questionFilterNames.join(', ')} (company: the owning workspace id, null for Assay's catalog).`;
const filterDoc = FilterQuery(Object.fromEntries(questionFilterNames.map((n) => [n, { column: sql`null`, type: 'text' as const }])));

const CatalogQuestion = Type.Intersect([QuestionSchema, Type.Object({ highlighted: Type.Boolean({ description: 'Its id was in `_id`' }) })], { title: 'CatalogQuestion' });
const QuestionsPage = Paginated(QuestionSchema, { title: 'QuestionsPage' });
const SkillsPage = Paginated(S.SkillRef, { title: 'QuestionSkillsPage' });
const archived = errorResponse('The question is archived and read-only (`question_archived`), or the status change is not allowed (`invalid_status_transition`).');

function actorOf(request: FastifyRequest): QuestionActor {
  const principal = request.principal;
  return { tenant: tenantOf(request), actorId: actorId(request), superAdmin: principal?.kind === 'user' && principal.isSuperAdmin };
}

const statusMachine =
  'Status machine: created → published → archived (created may be archived directly); archived questions are read-only until ' +
  'POST /assessments/questions/bulk/unarchive moves them back to published; nothing returns to created (409 `invalid_status_transition`).';

const contentRules =
  'Content by type, under the type\'s key (any other type\'s key is a 400): question/softskill → `question` (≥2 choices; question: at least one ' +
  'correct, exactly one unless multiple; softskill: a DISC dimension on every choice), fast → `fast` (subquestions with the same choice rules), ' +
  'coding → `coding` (languages the judge has, ≥1 hidden test, an expected output or a reference solution), freecoding → `coding` (languages), ' +
  'sql → `sql` (solution, and dataset_id for format dataset — the workspace\'s or a shared dataset — or script), project → `project` (optional); ' +
  'essay, whiteboard, video, audio, file and conversational keep settings only. Title from `title` or the first locale. Each problem is a 400 naming its field.';

export async function questionRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/assessments/questions/catalog', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'findQuestionsCatalog',
      tags,
      summary: 'Find assessment questions catalog',
      description:
        'The questions a workspace builds assessments from: its own (not archived; within x-subaccount-id when sent) and the published public ones ' +
        '(Assay\'s catalog and those super admins publish). Filters: categories, type, level, skills (any of), question_domains, search (title, ' +
        `statement, slug), and ${jsonLogicNote} \`_id\` highlights rows (highlighted=true) without filtering. orderBy: _id, created, updated, title, ` +
        'level, type, status. Page with `after` (keyset) for deep pages.',
      'x-seed': ['coodesh:questions/find-assessment-questions-catalog'],
      querystring: Type.Object({ ...S.CatalogQuery, ...filterDoc }),
      response: { 200: Paginated(CatalogQuestion, { title: 'CatalogPage' }) },
    },
  }, async (request) => {
    const q = request.query;
    return findCatalog(db, tenantOf(request), q, {
      categories: q.categories, types: q.type, levels: q.level, skills: q.skills, questionDomain: q.question_domains, search: q.search, query: q.query, highlight: q._id,
    }, request.language);
  });

  typed.post('/assessments/questions', {
    config: { permission: 'create_question' },
    schema: {
      operationId: 'createQuestion',
      tags,
      summary: 'Create an assessment question',
      description:
        'Creates a question with a unique slug made from its title (`-2`, `-3`... when taken). Status created (or published when asked). ' +
        'scope public (every workspace reads it, owned by this workspace) needs an instance super admin signed in (403 `super_admin_required`); ' +
        `otherwise private. ${contentRules}`,
      'x-seed': ['coodesh:questions/create-an-assessment-question'],
      body: S.CreateBody,
      response: { 201: QuestionSchema, 409: archived },
    },
  }, async (request, reply) => {
    const question = await createQuestion(db, actorOf(request), request.body);
    return reply.status(201).send(questionView(question, request.language));
  });

  typed.delete('/assessments/questions', {
    config: { permission: 'delete_question' },
    schema: {
      operationId: 'deleteQuestions',
      tags,
      summary: 'Bulk delete challenges/questions with status created',
      description:
        'Deletes the workspace\'s own questions, all or none, in one transaction. Every id must be a question of the workspace (404 naming ' +
        '`body/<index>`), still `created` (409 `question_not_deletable` naming each other one) and in no assessment (409 `question_in_use`): ' +
        'on any refusal nothing is deleted. Published questions are archived instead.',
      'x-seed': ['coodesh:questions/bulk-delete-challenges-questions-with-status-created'],
      body: S.IdList,
      response: { 200: Type.Object({ deleted: Type.Array(Type.String()) }), 409: errorResponse('A question is not created (`question_not_deletable`) or is used by an assessment (`question_in_use`); nothing was deleted.') },
    },
  }, async (request) => ({ deleted: await deleteQuestions(db, tenantOf(request), request.body) }));

  typed.get('/assessments/questions/fields', {
    config: { auth: 'public' },
    schema: {
      operationId: 'getQuestionFields',
      tags,
      summary: 'Get assessment question field definitions',
      description: 'Types (with the content key each fills, whether it is a challenge and whether a person scores it), levels, statuses, duration units and scopes, labelled in the x-language (pt, en, es).',
      'x-seed': ['coodesh:questions/get-assessment-question-field-definitions'],
      response: {
        200: Type.Object({
          types: Type.Array(Type.Object({ value: Type.String(), label: Type.String(), content_key: Type.Union([Type.String(), Type.Null()]), challenge: Type.Boolean(), reviewed: Type.Boolean() })),
          levels: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
          statuses: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
          duration_units: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
          scopes: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
        }),
      },
    },
  }, async (request) => questionFields(request.language));

  typed.get('/assessments/questions/skills', {
    config: { auth: 'public' },
    schema: {
      operationId: 'listQuestionsSkills',
      tags,
      summary: 'List skills used across questions',
      description:
        `Skills named by challenges (${challengeTypes.join(', ')}), with how many name each: published public questions, plus the workspace's own ` +
        '(not archived) when credentials come. search: the skill id or taxonomy name; ids: only these skills. orderBy: _id, questions, name.',
      'x-seed': ['coodesh:questions/list-skills-used-across-questions'],
      querystring: Type.Object(S.UsedSkillsQuery),
      response: { 200: SkillsPage },
    },
  }, async (request) => pageQuestionSkills(db, request.tenant, 'both', request.query, {
    where: (q) => and(inArray(q.type, [...challengeTypes]), ne(q.status, 'archived')),
    skillIds: request.query.ids,
    search: request.query.search,
  }, request.language));

  typed.get('/assessments/questions/authors', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'listQuestionAuthors',
      tags,
      summary: 'List question authors',
      description: 'People who wrote the workspace\'s own questions, named as the workspace names them, with how many each wrote. `_id`: only these users; search: name or e-mail. orderBy: _id, name, questions.',
      'x-seed': ['coodesh:questions/list-question-authors'],
      querystring: Type.Object(S.AuthorsQuery),
      response: { 200: Paginated(S.Author, { title: 'QuestionAuthorsPage' }) },
    },
  }, async (request) => pageQuestionAuthors(db, tenantOf(request), request.query, { ids: request.query._id, search: request.query.search }));

  typed.get('/assessments/questions/library', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'findQuestionsLibrary',
      tags,
      summary: 'Questions library',
      description:
        'The library to manage: own and public questions. grouping=company: the workspace\'s own; grouping=public: the public ones (published, ' +
        'and any status for the workspace that owns them); status: only that status (archived ones appear only so). status and grouping are ' +
        `exclusive (400 \`status_with_grouping\`). Filters: _id, skills, author, type, level, locale (written in), search, ${jsonLogicNote} ` +
        'orderBy: _id, created, updated, title, level, type, status. Page with `after` (keyset) for deep pages.',
      'x-seed': ['coodesh:questions/questions-library'],
      querystring: Type.Object({ ...S.LibraryQuery, ...filterDoc }),
      response: { 200: QuestionsPage },
    },
  }, async (request) => {
    const q = request.query;
    return findLibrary(db, tenantOf(request), q, {
      ids: q._id, skills: q.skills, authors: q.author, types: q.type, levels: q.level, languages: q.locale, search: q.search, status: q.status, grouping: q.grouping, query: q.query,
    }, request.language);
  });

  typed.get('/assessments/questions/library/questions', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'findLibrarySimpleQuestions',
      tags,
      summary: 'Questions library (simple questions)',
      description:
        `Simple questions only (${simpleTypes.join(', ')}; no challenges), own (not archived) and published public ones. type: radio_multiple / ` +
        'checkbox_multiple are single / multiple choice questions; freecoding, video, essay, audio those types; link matches nothing. ' +
        `Filters: _id, level, search, skills, author, ${jsonLogicNote}`,
      'x-seed': ['coodesh:questions/questions-library-2'],
      querystring: Type.Object({ ...S.SimpleLibraryQuery, ...filterDoc }),
      response: { 200: QuestionsPage },
    },
  }, async (request) => {
    const q = request.query;
    return findSimpleLibrary(db, tenantOf(request), q, { ids: q._id, types: q.type, levels: q.level, search: q.search, skills: q.skills, authors: q.author, query: q.query }, request.language);
  });

  typed.get('/assessments/questions/library/skills', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'listLibrarySkills',
      tags,
      summary: 'List skills from the challenges library',
      description:
        'Skills named by the library\'s challenges, with how many name each. type: fast, coding, project (default: every challenge type); ' +
        'status XOR grouping as in the library; `_id`: only skills of these questions; skills: only these skills; search: skill id or taxonomy name.',
      'x-seed': ['coodesh:questions/list-skills-from-the-challenges-library'],
      querystring: Type.Object(S.LibrarySkillsQuery),
      response: { 200: SkillsPage },
    },
  }, async (request) => {
    const q = request.query;
    return pageQuestionSkills(db, tenantOf(request), groupingOf(q.status, q.grouping), q, {
      where: (v) => and(
        inArray(v.type, q.type?.length ? q.type : [...challengeTypes]),
        q.status ? inArray(v.status, [q.status]) : ne(v.status, 'archived'),
        q._id?.length ? inArray(v.id, q._id) : undefined,
      ),
      skillIds: q.skills,
      search: q.search,
    }, request.language);
  });

  typed.post('/assessments/questions/bulk/archive', {
    config: { permission: 'update_question' },
    schema: {
      operationId: 'archiveQuestions',
      tags,
      summary: 'Bulk archive challenges/questions',
      description: 'Archives the workspace\'s own questions (created or published; archived ones stay) in one transaction; an id that is not one of them is a 404 naming `body/<index>` and nothing changes. Public questions are not archived here.',
      'x-seed': ['coodesh:questions/bulk-change-status-for-challenges-questions'],
      body: S.IdList,
      response: { 200: Type.Array(QuestionSchema) },
    },
  }, async (request) => (await archiveQuestions(db, tenantOf(request), request.body)).map((q) => questionView(q, request.language)));

  typed.post('/assessments/questions/bulk/unarchive', {
    config: { permission: 'update_question' },
    schema: {
      operationId: 'unarchiveQuestions',
      tags,
      summary: 'Bulk unarchive challenges/questions',
      description: 'Moves the workspace\'s own archived questions back to published in one transaction (others stay as they are); an id that is not one of them is a 404 naming `body/<index>` and nothing changes.',
      'x-seed': ['coodesh:questions/bulk-change-status-for-challenges-questions-2'],
      body: S.IdList,
      response: { 200: Type.Array(QuestionSchema) },
    },
  }, async (request) => (await unarchiveQuestions(db, tenantOf(request), request.body)).map((q) => questionView(q, request.language)));

  typed.get('/assessments/questions/slug/:slug', {
    config: { auth: 'public' },
    schema: {
      operationId: 'findQuestionBySlug',
      tags,
      summary: 'Find an assessment question by slug',
      description:
        'A published public question by slug (with credentials, the workspace\'s own first), in its public shape: the locale of the x-language ' +
        '(else the main one), level, duration, topics and the content a candidate may see — no right choices, explanations, DISC dimensions, hidden tests or solutions.',
      'x-seed': ['coodesh:questions/find-an-assessment-question-by-slug'],
      params: S.SlugParams,
      response: { 200: PublicQuestionSchema },
    },
  }, async (request) => publicQuestionView(await findQuestionBySlug(db, request.tenant, request.params.slug), request.language));

  typed.get('/assessments/questions/:id', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'getQuestion',
      tags,
      summary: 'Find an assessment question by ID',
      description: 'The workspace\'s own question, else a public one that was published (archived ones too; never-published ones only for their owner), with everything: right choices, hidden tests, solutions. include=author,skills,company adds their names.',
      'x-seed': ['coodesh:questions/find-an-assessment-question-by-id'],
      params: S.QuestionParams,
      querystring: S.IncludeQuery,
      response: { 200: QuestionSchema },
    },
  }, async (request) => getQuestion(db, tenantOf(request), request.params.id, parseInclude(request.query.include), request.language));

  typed.put('/assessments/questions/:id', {
    config: { permission: 'update_question' },
    schema: {
      operationId: 'updateQuestion',
      tags,
      summary: 'Update an assessment question',
      description:
        'Changes the fields sent; the others stay. Copy-on-write: a public question is changed in place only by an instance super admin of the ' +
        'workspace that owns it; for anyone else the update creates a private copy with the changes (`source_question_id` names the original, ' +
        `which stays as it was) and answers with the copy, whose _id is new. ${statusMachine} ${contentRules} The slug stays.`,
      'x-seed': ['coodesh:questions/update-an-assessment-question'],
      params: S.QuestionParams,
      body: S.UpdateBody,
      response: { 200: QuestionSchema, 409: archived },
    },
  }, async (request) => questionView((await updateQuestion(db, actorOf(request), request.params.id, request.body)).question, request.language));

  typed.post('/assessments/questions/:id/duplicate', {
    config: { permission: 'create_question' },
    schema: {
      operationId: 'duplicateQuestion',
      tags,
      summary: 'Duplicate an assessment question',
      description:
        'Copies a question the workspace reads (own or public) into a new private question of the caller, status created: title, statement, ' +
        'locale, content, settings, skills and the attachment and bootstrap metadata (pointing at the same stored files). The slug is new.',
      'x-seed': ['coodesh:questions/duplicate-an-assessment-question'],
      params: S.QuestionParams,
      response: { 201: QuestionSchema },
    },
  }, async (request, reply) => reply.status(201).send(questionView(await duplicateQuestion(db, actorOf(request), request.params.id), request.language)));

  typed.get('/assessments/questions/:id/skills', {
    config: { auth: 'public' },
    schema: {
      operationId: 'getQuestionSkills',
      tags,
      summary: 'Get skills for a question',
      description: 'The skills of a published public question, or with credentials of the workspace\'s own or any public one; names from the taxonomy (null when it does not know the id).',
      'x-seed': ['coodesh:questions/get-skills-for-a-question'],
      params: S.QuestionParams,
      response: { 200: Type.Object({ docs: Type.Array(Type.Object({ _id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) })) }) },
    },
  }, async (request) => {
    const question = await findReadableQuestion(db, request.tenant, request.params.id);
    return { docs: await skillsOfQuestion(db, question.skillIds, request.language) };
  });

  typed.get('/assessments/questions/:id/recommendations', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'getQuestionRecommendations',
      tags,
      summary: 'Get question recommendations',
      description:
        'Questions related to this one among the workspace\'s own (not archived) and the published public ones: sharing a skill or the type. ' +
        'Deterministic order: most skills shared, then same type, then same level, then newest. limit: 1..50, default 10.',
      'x-seed': ['coodesh:questions/get-question-recommendations'],
      params: S.QuestionParams,
      querystring: S.RecommendationsQuery,
      response: { 200: Type.Array(QuestionSchema) },
    },
  }, async (request) => recommendQuestions(db, tenantOf(request), request.params.id, request.query.limit ?? 10, request.language));
}

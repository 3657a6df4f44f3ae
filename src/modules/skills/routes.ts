import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Runtime } from '../../platform/runtime.js';
import { languages, tenantOf, type Language } from '../../platform/http/request-context.js';
import { Paginated } from '../../platform/paging/paginate.js';
import { asyncExportNote, ExportHeaders, ExportQuery, exportResponses, sendExport } from '../../platform/exports/send-export.js';
import { actorId } from '../workspace/actor.js';
import { createVariant } from './create-variant.js';
import { updateVariant } from './update-variant.js';
import { findVariant } from './find-variant.js';
import { listTemplates, listVariants } from './list-variants.js';
import { listTaxonomy } from './list-taxonomy.js';
import { skillsCsvExport } from './export-variants.js';
import { variantViews } from './variant-view.js';
import * as S from './schemas.js';

const tags = ['Skills'];

/** The locale a client asked for with x-language; undefined lets each variant answer in its default_locale. */
function askedLocale(request: FastifyRequest): Language | undefined {
  const header = request.headers['x-language'];
  const asked = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase().slice(0, 2);
  return (languages as readonly string[]).includes(asked ?? '') ? (asked as Language) : undefined;
}

const localeNote =
  ' Texts (name, description, levels, skill name) are in the x-language locale when sent, from `translated_content` where it has them and the base ' +
  'fields otherwise; without x-language each variant answers in its `default_locale` (`locale` says which was served).';
const scopeNote =
  ' A variant with subaccount_ids is seen only by requests of one of them (x-subaccount-id, or a caller confined to subaccounts); one with none by the whole workspace.';

export async function skillRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const db = runtime.database.db;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/skills', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'listSkills',
      tags,
      summary: 'List the skill taxonomy',
      description:
        'The global skills Assay ships (the same for every workspace): the ids questions, assessments and variants name. `name` is in x-language. ' +
        'orderBy: _id, slug, name (English), created.',
      querystring: S.SkillsQuery,
      response: { 200: Paginated(S.TaxonomySkill, { title: 'SkillsPage' }) },
    },
  }, async (request) => listTaxonomy(db, request.query, request.language));

  typed.get('/skills/variants', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'listSkillVariants',
      tags,
      summary: 'List skill variants for a workspace',
      description: 'The workspace\'s variants; `search` (name in any locale, description) and `ids` are OR-combined. orderBy: _id, name, created, updated.' + localeNote + scopeNote,
      'x-seed': ['coodesh:variants/list-skill-variants-for-a-workspace'],
      querystring: S.ListQuery,
      response: { 200: Paginated(S.Variant, { title: 'SkillVariantsPage' }) },
    },
  }, async (request) => listVariants(db, tenantOf(request), request.query, askedLocale(request)));

  typed.get('/skills/variants/templates', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'listSkillVariantTemplates',
      tags,
      summary: 'List template skill variants',
      description:
        'The template variants Assay ships (no workspace; every workspace sees the same), to start a variant from (`template_id` on create). ' +
        'orderBy: _id, name, created, updated.' + localeNote,
      'x-seed': ['coodesh:variants/list-template-skill-variants'],
      querystring: S.TemplatesQuery,
      response: { 200: Paginated(S.Variant, { title: 'SkillVariantTemplatesPage' }) },
    },
  }, async (request) => listTemplates(db, request.query, askedLocale(request)));

  typed.post('/skills/variants', {
    config: { permission: 'create_question' },
    schema: {
      operationId: 'createSkillVariant',
      tags,
      summary: 'Create a skill variant',
      description:
        'A new variant of the workspace; the author is the caller (the API key\'s creator). `name` at most 50 characters; at most 10 levels, numbered by ' +
        'their position; a level keeps an `_id` it is sent with. `skill` names a taxonomy skill (404 naming body/skill/_id when unknown). ' +
        '`template_id` starts from a template: what the body leaves out is the template\'s. Subaccounts: `subaccount_ids`, else the x-subaccount-id ' +
        'one, else the caller\'s own (a caller confined to subaccounts names at least one of theirs: 403 `subaccount_confinement`). ' +
        '`translated_content` level entries must name levels of the variant (400 naming the key).' + localeNote,
      'x-seed': ['coodesh:variants/create-a-skill-variant'],
      body: S.CreateBody,
      response: { 201: S.Variant },
    },
  }, async (request, reply) => {
    const row = await createVariant({ db, tenant: tenantOf(request), actorId: actorId(request) }, request.body);
    const [view] = await variantViews(db, [row], askedLocale(request));
    return reply.status(201).send(view);
  });

  typed.get('/skills/variants/export', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'listSkillsExport',
      tags: [...tags, 'Skills: exports'],
      summary: 'List skills export',
      description: 'The rows the skills CSV would hold, page by page, with the same filters (`search` OR `ids`).' + localeNote,
      'x-seed': ['coodesh:exports/list-skills-export'],
      querystring: S.ListQuery,
      response: { 200: Paginated(S.Variant, { title: 'SkillsExportPage' }) },
    },
  }, async (request) => listVariants(db, tenantOf(request), request.query, askedLocale(request)));

  typed.post('/skills/variants/export', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'exportSkillsCsv',
      tags: [...tags, 'Skills: exports'],
      summary: 'Export skills CSV',
      description:
        'The workspace\'s variants matching `search` OR `ids` (all when neither is sent), in id order: ID, name, description, skill, number of levels, ' +
        'level names, default locale, subaccounts, created and updated (UTC, `2026-01-31 14:05:09`). Headers and texts follow x-language ' +
        '(a variant\'s translation, else its base text).' + asyncExportNote,
      'x-seed': ['coodesh:exports/export-skills-csv'],
      querystring: ExportQuery,
      headers: ExportHeaders,
      body: S.ExportBody,
      response: exportResponses,
    },
  }, async (request, reply) => sendExport(runtime, request, reply, skillsCsvExport, request.body));

  typed.get('/skills/variants/:id', {
    config: { permission: 'read_question' },
    schema: {
      operationId: 'getSkillVariant',
      tags,
      summary: 'Find a skill variant by ID',
      description: 'A variant of the workspace, or a template (read-only, the same for every workspace). Another workspace\'s variant is a 404.' + localeNote + scopeNote,
      'x-seed': ['coodesh:variants/find-a-skill-variant-by-id'],
      params: S.VariantParams,
      response: { 200: S.Variant },
    },
  }, async (request) => findVariant(db, tenantOf(request), request.params.id, askedLocale(request)));

  typed.put('/skills/variants/:id', {
    config: { permission: 'update_question' },
    schema: {
      operationId: 'updateSkillVariant',
      tags,
      summary: 'Update a skill variant',
      description:
        'Replaces `name` (at most 50 characters) and `levels` (at most 10, numbered by position; a level sent with its `_id` keeps it, one without gets ' +
        'a new id, and translations of levels left out are dropped); `description`, `skill`, `translated_content` (replaced whole), `default_locale` ' +
        'and `subaccount_ids` change when sent. Templates are read-only (404 here: create from one with `template_id`). Answers ' +
        '`{redirect_to: "/skills/variants/{id}", variant}`: where to read it, and the variant as it now is. Bad input is a 400 naming the field ' +
        '(`id_mismatch` when body._id is another id, `duplicate_level_id`, `unknown_level`).' + localeNote + scopeNote,
      'x-seed': ['coodesh:variants/update-a-skill-variant'],
      params: S.VariantParams,
      body: S.UpdateBody,
      response: { 200: S.Updated },
    },
  }, async (request) => {
    const row = await updateVariant({ db, tenant: tenantOf(request), actorId: actorId(request) }, request.params.id, request.body);
    const [variant] = await variantViews(db, [row], askedLocale(request));
    return { redirect_to: `/skills/variants/${row.id}`, variant };
  });
}

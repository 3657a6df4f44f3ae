import type { TenancyContext, TenancyFixtures } from '../../../../test/support/tenancy-registry.js';
import { insertOwnQuestion } from '../run-test-questions.js';
import { questions } from '../schema.js';
import { and, eq } from 'drizzle-orm';

/**
 * Tenant A's questions for the tenancy suite (test/tenancy.test.ts; see test/README.md), for the
 * import, media, bootstrap and run routes. In a folder of its own so it merges beside the questions
 * module's main fixtures file.
 */

const questionOfA = (type: 'essay' | 'coding' | 'sql') => async ({ runtime, tenant }: TenancyContext) => {
  const content =
    type === 'coding'
      ? { coding: { languages: [71], tests: [{ _id: 't1', input: '1', expected_output: '1', hidden: true }], reference_solutions: { 71: 'print(input())' } } }
      : type === 'sql'
        ? { sql: { format: 'script' as const, script: 'CREATE TABLE t (id INT); INSERT INTO t VALUES (1);', solution: 'SELECT id FROM t' } }
        : {};
  return { params: { id: await insertOwnQuestion(runtime.database.db, tenant.workspace.id, { type, content }) } };
};

const withBootstrap = async (context: TenancyContext) => {
  const target = await questionOfA('essay')(context);
  const bootstrap = { path: `workspaces/${context.tenant.workspace.id}/questions/${target.params.id}/bootstrap/x.txt`, name: 'x.txt', content_type: 'text/plain', size: 1 };
  await context.runtime.database.db.update(questions).set({ bootstrap }).where(and(eq(questions.workspaceId, context.tenant.workspace.id), eq(questions.id, target.params.id)));
  return target;
};

const withAttachment = async (context: TenancyContext) => {
  const target = await questionOfA('essay')(context);
  const path = `workspaces/${context.tenant.workspace.id}/questions/${target.params.id}/attachments/x.png`;
  const attachment = { path, name: 'x.png', content_type: 'image/png', size: 1, created: new Date().toISOString() };
  await context.runtime.database.db.update(questions).set({ attachments: [attachment] }).where(and(eq(questions.workspaceId, context.tenant.workspace.id), eq(questions.id, target.params.id)));
  return { ...target, body: { path } };
};

/** The question's files really stored, so A's own downloads are a 200. */
const withStoredAttachment = async (context: TenancyContext) => {
  const target = await withAttachment(context);
  await context.runtime.storage.put(target.body.path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { contentType: 'image/png' });
  return { params: { ...target.params, file: 'x.png' } };
};

const withStoredBootstrap = async (context: TenancyContext) => {
  const target = await withBootstrap(context);
  await context.runtime.storage.put(`workspaces/${context.tenant.workspace.id}/questions/${target.params.id}/bootstrap/x.txt`, Buffer.from('x'), { contentType: 'text/plain' });
  return target;
};

export const tenancyFixtures: TenancyFixtures = {
  uploadQuestionMedia: questionOfA('essay'),
  deleteQuestionMedia: withAttachment,
  uploadQuestionBootstrap: questionOfA('essay'),
  deleteQuestionBootstrap: withBootstrap,
  downloadQuestionMedia: withStoredAttachment,
  downloadQuestionBootstrap: withStoredBootstrap,
  runCodingTests: async (context) => ({ ...(await questionOfA('coding')(context)), query: { wait: '0' }, body: { code: 'print(1)', language: 71 } }),
  runSqlQuestionPreview: async (context) => ({ ...(await questionOfA('sql')(context)), body: { code: 'SELECT id FROM t' } }),
};

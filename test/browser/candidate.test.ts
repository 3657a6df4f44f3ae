import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { createTenant, uniqueEmail, type TenantFixture } from '../support/fixtures.js';
import { launchBrowser, newContext, screenshot, seriousAxeViolations, servedApp, type ServedApp } from '../support/browser.js';
import { fourKinds, insertAssessment, insertQuestion, SUM_SOLUTION } from '../../src/modules/assessments/attempts/attempt-fixtures.js';
import { closeExpiredAttempts } from '../../src/modules/assessments/attempts/close-expired.js';
import { answers } from '../../src/modules/assessments/schema.js';
import { startJudgePool, type JudgePool } from '../../src/modules/judge/judge-pool.js';
import { sandboxHost } from '../../src/modules/judge/sandbox/host.js';

const sandbox = await sandboxHost();
if (!sandbox.available) console.warn(`the candidate's coding run is not checked: ${sandbox.reason}`);

let served: ServedApp;
let browser: Browser;
let tenant: TenantFixture;
let pool: JudgePool | undefined;

beforeAll(async () => {
  [served, browser] = await Promise.all([servedApp(), launchBrowser()]);
  tenant = await createTenant(served.runtime, 'Initech');
  if (sandbox.available) pool = startJudgePool(served.runtime, { size: 1 });
}, 180_000);
afterAll(async () => {
  await pool?.stop();
  await browser?.close();
  await served?.close();
});

const db = () => served.database.db;

async function invitation(kinds: Array<keyof typeof fourKinds>, extra: { invitee?: object; body?: object; settings?: object } = {}) {
  const ids: string[] = [];
  for (const kind of kinds) ids.push(await insertQuestion(db(), tenant.workspace.id, fourKinds[kind]));
  const assessment = await insertAssessment(db(), tenant.workspace.id, { questionIds: ids, authorId: tenant.admin.id, settings: { terms: 'Work alone, without help.', ...extra.settings } });
  const res = await served.app.inject({
    method: 'POST',
    url: `/assessments/${assessment.id}/attempts`,
    headers: tenant.keyHeaders,
    payload: { participants: [{ email: uniqueEmail('taker'), name: 'Ada Candidate', ...extra.invitee }], disable_email: true, ...extra.body },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { _id: attemptId, link } = res.json()[0] as { _id: string; link: string };
  const path = new URL(link).pathname;
  return { ids, assessment, attemptId, path, token: decodeURIComponent(path.slice('/take/'.length)) };
}

async function storedResponse(attemptId: string, questionId: string) {
  const [row] = await db().select().from(answers).where(and(eq(answers.workspaceId, tenant.workspace.id), eq(answers.attemptId, attemptId), eq(answers.questionId, questionId)));
  return row;
}

async function startThroughApi(token: string) {
  const url = `/candidate/attempts/${encodeURIComponent(token)}`;
  expect((await served.app.inject({ method: 'POST', url: `${url}/terms` })).statusCode).toBe(200);
  expect((await served.app.inject({ method: 'POST', url: `${url}/start` })).statusCode).toBe(200);
}

async function expectAccessible(page: Page, name: string) {
  expect(await seriousAxeViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All answers saved' }).waitFor();

describe('the candidate in a browser', () => {
  it('takes a choice, a coding and an essay question from the invitation link to the thank-you page and the callback', async () => {
    const callback = `${served.url}/after-the-test?from=assay`;
    const { ids, assessment, attemptId, path } = await invitation(['choice', 'coding', 'essay'], { body: { callback_url: callback } });
    const [choiceId, codingId, essayId] = ids;
    const context = await newContext(browser);
    const page = await context.newPage();

    await page.goto(served.url + path);
    await page.getByRole('heading', { level: 1, name: assessment.name }).waitFor();
    await expect.poll(() => page.getByText('Invited by Initech').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText('3 questions').count()).toBe(1);
    expect(await page.getByText('Work alone, without help.').count()).toBe(1);
    await expectAccessible(page, 'candidate-welcome');
    const start = page.getByRole('button', { name: 'Start the assessment' });
    expect(await start.isDisabled()).toBe(true);
    await page.getByLabel('I have read and accept the terms').check();
    await start.click();

    await page.getByRole('heading', { level: 2, name: fourKinds.choice.title }).waitFor();
    await expect.poll(() => page.getByRole('timer').textContent(), { timeout: 20_000 }).toMatch(/^\d+:\d\d$/);
    await page.getByRole('radio', { name: 'const' }).check();
    await saved(page);
    await expectAccessible(page, 'candidate-choice');
    expect((await storedResponse(attemptId, choiceId)).response).toEqual({ choices: ['c-const'] });

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 2, name: fourKinds.coding.title }).waitFor();
    const editor = page.locator('.cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(SUM_SOLUTION);
    if (sandbox.available) {
      await page.getByRole('button', { name: 'Run on the sample tests' }).click();
      await page.getByText('1 of 1 sample tests passed').waitFor({ timeout: 30_000 });
      expect(await page.getByRole('cell', { name: 'accepted' }).count()).toBe(1);
    }
    await saved(page);
    await expectAccessible(page, 'candidate-coding');
    expect((await storedResponse(attemptId, codingId)).response).toEqual({ language: 71, code: SUM_SOLUTION });

    await page.getByRole('button', { name: 'Next' }).click();
    const essay = page.getByRole('textbox', { name: fourKinds.essay.title });
    await essay.fill('A race between two saves. ');
    await essay.press('End');
    await page.keyboard.type('I fixed it with revisions.');
    await essay.blur();
    await saved(page);
    await expectAccessible(page, 'candidate-essay');

    // Finishing: every question answered, so the dialog lists none; then the thank-you page and the callback.
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Finish the assessment?' });
    await dialog.waitFor();
    expect(await dialog.getByText('Every question has an answer.').count()).toBe(1);
    await expectAccessible(page, 'candidate-finish-dialog');
    await dialog.getByRole('button', { name: 'Finish now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you!' }).waitFor();
    await expectAccessible(page, 'candidate-done');
    expect((await storedResponse(attemptId, essayId)).response).toEqual({ text: 'A race between two saves. I fixed it with revisions.' });
    await page.waitForURL(callback, { timeout: 15_000 });
    await context.close();
  }, 180_000);

  it('lists the unanswered questions before finishing, and goes to one of them', async () => {
    const { token, path } = await invitation(['choice', 'essay']);
    await startThroughApi(token);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(served.url + path);
    await page.getByRole('heading', { level: 2, name: fourKinds.choice.title }).waitFor();
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('These questions have no answer yet:').waitFor();
    await dialog.getByRole('button', { name: `Question 2: ${fourKinds.essay.title}` }).click();
    await page.getByRole('textbox', { name: fourKinds.essay.title }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('keeps typing through a network drop, replays the saves when it returns, and resumes after a reload', async () => {
    const { ids, attemptId, token, path } = await invitation(['essay']);
    await startThroughApi(token);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(served.url + path);
    const essay = page.getByRole('textbox', { name: fourKinds.essay.title });
    await essay.click();
    await page.keyboard.type('Online part.');
    await saved(page);
    expect((await storedResponse(attemptId, ids[0])).response).toEqual({ text: 'Online part.' });

    await context.setOffline(true);
    await page.keyboard.type(' Typed offline, every word.');
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await expectAccessible(page, 'candidate-offline');
    expect((await storedResponse(attemptId, ids[0])).response).toEqual({ text: 'Online part.' });

    await context.setOffline(false);
    await saved(page);
    expect((await storedResponse(attemptId, ids[0])).response).toEqual({ text: 'Online part. Typed offline, every word.' });

    // Offline again, then the page is reloaded online before anything was sent: the edit comes back from this browser and reaches the server.
    await context.setOffline(true);
    await page.keyboard.type(' Kept across a reload.');
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: fourKinds.essay.title }).inputValue(), { timeout: 20_000 }).toBe('Online part. Typed offline, every word. Kept across a reload.');
    await saved(page);
    expect((await storedResponse(attemptId, ids[0])).response).toEqual({ text: 'Online part. Typed offline, every word. Kept across a reload.' });

    // A second tab opens the attempt where the first one is.
    const second = await context.newPage();
    await second.goto(served.url + path);
    await expect.poll(() => second.getByRole('textbox', { name: fourKinds.essay.title }).inputValue(), { timeout: 20_000 }).toBe('Online part. Typed offline, every word. Kept across a reload.');
    await context.close();
  }, 120_000);

  it('locks the page when the server says the time is over, shows what was saved, and shows the outcome once the server closes the attempt', async () => {
    const closeAt = new Date(Date.now() + 25_000).toISOString();
    const { ids, attemptId, token, path } = await invitation(['essay'], { invitee: { custom_time_close: closeAt } });
    await startThroughApi(token);
    const context = await newContext(browser, { locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(served.url + path);
    const essay = page.getByRole('textbox', { name: fourKinds.essay.title });
    await essay.click();
    await page.keyboard.type('Antes do fim.');
    await page.getByRole('status').filter({ hasText: 'Todas as respostas salvas' }).waitFor();

    await page.getByRole('heading', { level: 1, name: 'O tempo acabou' }).waitFor({ timeout: 40_000 });
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByText(/salva em/).count()).toBe(1);
    await expectAccessible(page, 'candidate-time-up');
    const late = await served.app.inject({ method: 'PUT', url: `/candidate/attempts/${encodeURIComponent(token)}/answers/${ids[0]}`, payload: { response: { text: 'late' }, revision: 2_000_000_000 } });
    expect([late.statusCode, late.json().code]).toEqual([409, 'attempt_time_over']);
    expect((await storedResponse(attemptId, ids[0])).response).toEqual({ text: 'Antes do fim.' });

    await closeExpiredAttempts(served.runtime);
    await page.getByRole('heading', { level: 1, name: 'Obrigado!' }).waitFor({ timeout: 15_000 });
    await context.close();
  }, 180_000);
});

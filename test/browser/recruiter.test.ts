import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTenant, uniqueEmail, type TenantFixture } from '../support/fixtures.js';
import { mailedToken } from '../support/sign-up.js';
import { launchBrowser, newContext, screenshot, seriousAxeViolations, servedApp, type ServedApp } from '../support/browser.js';

let served: ServedApp;
let browser: Browser;
let tenant: TenantFixture;

beforeAll(async () => {
  [served, browser] = await Promise.all([servedApp(), launchBrowser()]);
  tenant = await createTenant(served.runtime, 'Recruiter Corp');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The page's heading, no serious accessibility violation, and its screenshot. */
async function checkPage(page: Page, heading: string, name: string) {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe(heading);
  await page.getByText('Loading…').first().waitFor({ state: 'detached' });
  expect(await seriousAxeViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

/** The candidate's side through the API: terms, start, the right choice and an essay, finish. */
async function takeAttempt(token: string) {
  const url = (path: string) => `/candidate/attempts/${encodeURIComponent(token)}${path}`;
  expect((await served.app.inject({ method: 'POST', url: url('/terms') })).statusCode).toBe(200);
  const started = await served.app.inject({ method: 'POST', url: url('/start') });
  expect(started.statusCode, started.body).toBe(200);
  const read = await served.app.inject({ method: 'GET', url: url('/questions') });
  const questions = read.json().questions as Array<{ _id: string; type: string; question?: { choices: Array<{ _id: string; text: string }> } }>;
  const choice = questions.find((q) => q.type === 'question')!;
  const essay = questions.find((q) => q.type === 'essay')!;
  const right = choice.question!.choices.find((c) => c.text === 'const')!;
  const save = (questionId: string, response: object) => served.app.inject({ method: 'PUT', url: url(`/answers/${questionId}`), payload: { response, revision: 1 } });
  expect((await save(choice._id, { choices: [right._id] })).statusCode).toBe(200);
  expect((await save(essay._id, { text: 'An off-by-one in a pager.' })).statusCode).toBe(200);
  const finished = await served.app.inject({ method: 'POST', url: url('/finish') });
  expect(finished.statusCode, finished.body).toBe(200);
  // Nothing to run in a sandbox: the attempt is scored at once, the essay waiting for a reviewer.
  expect(finished.json()).toMatchObject({ status: 'pending_review' });
}

describe('the recruiter in a browser', () => {
  it('signs in, creates a choice and an essay question, publishes an assessment, invites, and reviews the finished attempt', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${served.url}/app`);
    await checkPage(page, 'Sign in', 'recruiter-sign-in');
    await page.getByLabel('E-mail').fill(tenant.admin.email);
    await page.getByLabel('Password').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Password').fill(tenant.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await checkPage(page, 'Dashboard', 'recruiter-dashboard');
    await expect.poll(() => page.getByRole('banner').textContent(), { timeout: 15_000 }).toContain('Recruiter Corp');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questions' }).click();
    await checkPage(page, 'Questions', 'recruiter-questions-empty');
    await page.getByRole('link', { name: 'New question' }).click();
    await page.getByLabel('Title').fill('Which keyword declares a constant?');
    await page.getByLabel('Choice 1', { exact: true }).fill('var');
    await page.getByLabel('Choice 2', { exact: true }).fill('const');
    await page.getByLabel('Choice 2 is right').check();
    await page.getByRole('button', { name: 'Add a choice' }).click();
    await page.getByLabel('Choice 3', { exact: true }).fill('let');
    await checkPage(page, 'New question', 'recruiter-question-form');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('cell', { name: 'Which keyword declares a constant?' }).waitFor();

    await page.getByRole('link', { name: 'New question' }).click();
    await page.getByLabel('Type').selectOption('essay');
    await page.getByLabel('Title').fill('Describe a bug you fixed');
    await page.getByLabel('Statement').fill('Tell us how you found it.');
    await page.getByRole('button', { name: 'Save question' }).click();
    await page.getByRole('cell', { name: 'Describe a bug you fixed' }).waitFor();
    await page.getByLabel('Type').selectOption('essay');
    await expect.poll(() => page.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    await checkPage(page, 'Questions', 'recruiter-questions');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    await page.getByRole('link', { name: 'New assessment' }).click();
    await page.getByLabel('Name').fill('Backend developer');
    await page.getByLabel('Duration (minutes)').fill('45');
    await page.getByLabel('Which keyword declares a constant?').check();
    await page.getByLabel('Describe a bug you fixed').check();
    await page.getByRole('button', { name: 'Move Describe a bug you fixed up' }).click();
    await checkPage(page, 'New assessment', 'recruiter-builder');
    await page.getByRole('button', { name: 'Publish' }).click();
    await checkPage(page, 'Assessment', 'recruiter-assessment');
    await expect.poll(() => page.getByRole('main').textContent(), { timeout: 15_000 }).toContain('Backend developer');

    const email = uniqueEmail('candidate');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Name', { exact: true }).fill('Ada Candidate');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('link', { name: 'Ada Candidate' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ada Candidate/ }).textContent(), { timeout: 15_000 }).toContain('Invited');

    await takeAttempt(await mailedToken(served, email, 'attempt_invitation'));

    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /Ada Candidate/ }).textContent(), { timeout: 15_000 }).toContain('Pending review');
    await page.getByRole('link', { name: 'Ada Candidate' }).click();
    await checkPage(page, 'Attempt', 'recruiter-attempt-pending');
    // The choice earned its point, the essay waits for the reviewer: 1 of 2.
    await expect.poll(() => page.getByTestId('attempt-score').textContent(), { timeout: 15_000 }).toBe('50');
    await expect.poll(() => page.getByRole('article', { name: 'Which keyword declares a constant?' }).textContent(), { timeout: 15_000 }).toContain('right');
    await page.getByRole('img', { name: 'Score breakdown' }).waitFor();

    const review = page.getByRole('form', { name: 'Review of Describe a bug you fixed' });
    await review.getByLabel('Score (0 to 1)').fill('1');
    await review.getByLabel('Comment').fill('Clear and honest.');
    await review.getByRole('button', { name: 'Save review' }).click();
    await expect.poll(() => page.getByTestId('attempt-score').textContent(), { timeout: 15_000 }).toBe('100');
    await expect.poll(() => page.getByTestId('attempt-status').textContent(), { timeout: 15_000 }).toBe('Finished');
    await checkPage(page, 'Attempt', 'recruiter-attempt-reviewed');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await checkPage(page, 'Sign in', 'recruiter-signed-out');
    await context.close();
  }, 600_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTenant, uniqueEmail, type TenantFixture } from '../support/fixtures.js';
import { launchBrowser, newContext, screenshot, seriousAxeViolations, servedApp, type ServedApp } from '../support/browser.js';
import { fourKinds, insertAssessment, insertQuestion } from '../../src/modules/assessments/attempts/attempt-fixtures.js';

let served: ServedApp;
let browser: Browser;
let tenant: TenantFixture;

beforeAll(async () => {
  [served, browser] = await Promise.all([servedApp(), launchBrowser()]);
  tenant = await createTenant(served.runtime, 'Smoke Corp');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('the web app in a browser', () => {
  it('opens an invitation link on the candidate page, with the assessment named and no serious accessibility violation', async () => {
    const db = served.database.db;
    const questionId = await insertQuestion(db, tenant.workspace.id, fourKinds.choice);
    const assessment = await insertAssessment(db, tenant.workspace.id, { questionIds: [questionId], authorId: tenant.admin.id });
    const invited = await served.app.inject({
      method: 'POST',
      url: `/assessments/${assessment.id}/attempts`,
      headers: tenant.keyHeaders,
      payload: { participants: [{ email: uniqueEmail('smoke'), name: 'Smoke Test' }], disable_email: true },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const path = new URL(invited.json()[0].link as string).pathname;
    expect(path).toMatch(/^\/take\//);

    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(served.url + path);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe(assessment.name);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'smoke-take');
    await context.close();
  }, 120_000);
});

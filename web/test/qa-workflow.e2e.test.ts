/**
 * The QA workflow around the score, end to end in headless Chromium against a real server:
 * a sampling policy fills a QA specialist's queue; two evaluators score five calls blind and
 * the agreement table shows the kappa of a planted disagreement; an agent disputes a verdict,
 * a reviewer changes it, and the agent sees the outcome.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, type TestBrowser } from './browser.test-helper.ts';
import { buildWebApp } from './build-web-app.test-helper.ts';
import { syntheticCallsServer, type QaServer } from './qa-server.test-helper.ts';

/** The evaluators' greeting verdicts on the five calibration calls; the machine's are ann's. Bob passes call 4. */
const annVerdicts = ['pass', 'pass', 'fail', 'fail', 'pass'];
const bobVerdicts = ['pass', 'pass', 'fail', 'pass', 'pass'];

describe.skipIf(!hasChromium)('QA workflow in Chromium', () => {
  let server: QaServer;
  let browser: TestBrowser;
  let page: Page;
  const tokens: Record<string, string> = {};
  let calibrationCalls: string[] = [];
  let sessionId: string;

  const api = async (method: 'GET' | 'POST', path: string, body?: object) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method, headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const signIn = async (user: string, next: string) => {
    await page.goto(`${server.url}/#/sign-in?next=${encodeURIComponent(next)}`);
    await page.fill('#token', tokens[user]!);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === next);
  };
  const cellTexts = (selector: string) => page.locator(selector).evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));

  beforeAll(async () => {
    await buildWebApp();
    [server, browser] = await Promise.all([syntheticCallsServer(10), launchBrowser()]);
    for (const [user_name, role, agent_id] of [['eval-ann', 'qa'], ['eval-bob', 'qa'], ['agent-three', 'agent', 'agent-3']] as const) {
      tokens[user_name] = (await api('POST', '/users', { user_name, role, ...(agent_id ? { agent_id } : {}) })).token;
    }
    // Synthetic calls i = 0…9: agent-i, languages en/ru/hu in turn. Five calls get the machine greeting verdicts ann will give;
    // agent-3's only call (i = 3) fails its closing.
    const { items } = await api('GET', '/calls?sort=agent_id&order=asc&limit=10') as { items: { call_id: string; agent_id: string }[] };
    calibrationCalls = items.slice(0, 5).map((call) => call.call_id);
    for (const [index, callId] of calibrationCalls.entries()) {
      await server.store.connection.run("UPDATE rule_results SET status = $2 WHERE call_id = $1 AND rule_id = 'greeting'", [callId, annVerdicts[index]!]);
    }
    await server.store.connection.run("UPDATE rule_results SET status = 'fail' WHERE rule_id = 'closing' AND call_id IN (SELECT call_id FROM calls WHERE agent_id = 'agent-3')");
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("fills a QA specialist's queue from a sampling policy, each call saying how it was picked", async () => {
    tokens['qa-lead'] = server.adminToken;
    await signIn('qa-lead', '#/sampling');
    await page.fill('.policy-form input[name="name"]', 'English sample');
    await page.fill('.policy-form input[name="assignee"]', 'eval-ann');
    await page.selectOption('.policy-form select[name="kind"]', 'count');
    await page.fill('.policy-form input[name="per_agent"]', '1');
    await page.selectOption('.policy-form select[name="period"]', 'day');
    await page.selectOption('.policy-form select[name="language"]', 'en');
    await page.fill('.policy-form input[name="seed"]', '7');
    await page.click('.policy-form button[type="submit"]');
    await expect.poll(() => page.locator('.policy .meta').allTextContents()).toEqual(['1 per agent per day · language en · for eval-ann · seed 7']);
    await page.fill('.policy input[name="days"]', '2');
    await page.click('.policy button.run-policy');
    // Calls i = 0, 3, 6, 9 are in English, one per agent: each is its agent's whole day.
    await expect.poll(() => page.locator('.policy .run-status').textContent()).toBe('4 calls queued of 4 matching.');
    await screenshot(page, 'qa-00-sampling');
    await signIn('eval-ann', '#/queue');
    await expect.poll(() => page.locator('table.queue tbody tr').count()).toBe(4);
    const selections = await page.locator('table.queue td.selection').allTextContents();
    expect(selections.every((text) => /^English sample: 1 call per agent per day — #1 of 1 for agent-\d in the .* period \(seed 7\)$/.test(text))).toBe(true);
    expect((await cellTexts('table.queue tbody tr')).map((row) => row[1]).sort()).toEqual(['agent-0', 'agent-3', 'agent-6', 'agent-9']);
    await screenshot(page, 'qa-01-my-queue');
  });

  it('lets two evaluators score five calls blind, then shows the kappa of the planted disagreement', async () => {
    sessionId = (await api('POST', '/calibrations', { name: 'Greeting check', call_ids: calibrationCalls, rule_ids: ['greeting'], evaluators: ['eval-ann', 'eval-bob'] })).session_id;
    const score = async (user: string, verdicts: readonly string[]) => {
      await signIn(user, `#/calibrations/${sessionId}`);
      await page.locator('form.calibration-form').waitFor();
      expect(await page.locator('form.calibration-form').innerText()).not.toMatch(/machine|κ/);
      for (const [index, callId] of calibrationCalls.entries()) await page.selectOption(`select[name="${callId}|greeting"]`, verdicts[index]!);
      await page.click('form.calibration-form button[type="submit"]');
      await page.locator('table.agreement-pairs').waitFor();
    };
    await score('eval-ann', annVerdicts);
    expect(await page.locator('.agreement-summary').innerText()).toContain('Still to submit: eval-bob');
    await score('eval-bob', bobVerdicts);
    await screenshot(page, 'qa-02-agreement');
    // ann vs bob: p_o = 4/5, p_e = 3/5 · 4/5 + 2/5 · 1/5 = 0.56, κ = 0.24 / 0.44 = 0.55; Fleiss (pooled) 0.22 / 0.42 = 0.52.
    expect(await cellTexts('table.agreement-pairs tbody tr')).toEqual([
      ['eval-ann', 'eval-bob', '5', '80%', '0.55'],
      ['eval-ann', 'machine', '5', '100%', '1.00'],
      ['eval-bob', 'machine', '5', '80%', '0.55'],
    ]);
    expect(await cellTexts('table.agreement-rules tbody tr')).toEqual([['greeting', '1', '80%', '0.52', '1.00']]);
  });

  it('lets an agent dispute a verdict with evidence in view, a reviewer change it, and the agent see the outcome', async () => {
    await signIn('agent-three', '#/evaluations');
    await expect.poll(() => page.locator('.evaluation-call').count()).toBe(1);
    await page.click('button.open-evaluation');
    await page.locator('.rule[data-rule-id="closing"] .status').waitFor();
    expect(await page.locator('.rule[data-rule-id="closing"] .status').textContent()).toBe('fail');
    expect(await page.locator('.rule[data-rule-id="closing"] .evidence li').first().innerText()).toContain('agent: Good morning, you are through to Acme billing.');
    await page.selectOption('form.dispute-form select[name="target"]', 'closing');
    await page.fill('form.dispute-form textarea[name="comment"]', 'I closed the call with the standard wording.');
    await page.click('form.dispute-form button[type="submit"]');
    await expect.poll(() => page.locator('.response .response-status').allTextContents()).toEqual(['disputed, awaiting a reviewer']);
    await screenshot(page, 'qa-03-agent-dispute');

    await signIn('eval-ann', '#/disputes');
    await page.locator('.dispute').waitFor();
    expect(await page.locator('.dispute strong').innerText()).toContain('agent-3 disputes closing');
    await page.selectOption('.resolution-form select[name="outcome"]', 'changed');
    await page.selectOption('.resolution-form select[name="status"]', 'pass');
    await page.fill('.resolution-form textarea[name="comment"]', 'The closing is there at the end; the rule missed it.');
    await page.click('.resolution-form button[type="submit"]');
    await page.locator('.state-empty', { hasText: 'No open disputes' }).waitFor();

    await signIn('agent-three', '#/evaluations');
    await expect.poll(() => page.locator('.response .response-status').allTextContents()).toEqual(['dispute accepted: the result was changed']);
    expect(await page.locator('.response .resolution').innerText()).toBe('eval-ann: The closing is there at the end; the rule missed it.');
    await page.click('button.open-evaluation');
    await expect.poll(() => page.locator('.rule[data-rule-id="closing"] .status').textContent()).toBe('pass');
    await screenshot(page, 'qa-04-agent-outcome');
    expect(browser.problems).toEqual([]);
  });
});

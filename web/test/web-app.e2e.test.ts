/**
 * The web app end to end in headless Chromium against a real server: sign in, filter, open a
 * call, play and seek, read its conversation metrics, jump to an event, override a rule, then the agents and the example
 * library; then, as a trainer, tag a span and download its clip — with a screenshot of each
 * page in web/test-artifacts/ and no console errors.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, type TestBrowser } from './browser.test-helper.ts';
import { buildWebApp } from './build-web-app.test-helper.ts';
import { measureCallListLoad } from './call-list-load.test-helper.ts';
import { analysedCallsServer, syntheticCallsServer, type QaServer } from './qa-server.test-helper.ts';
import { prepareSampleStore, sampleRecordings, seedExample } from './sample-calls.test-helper.ts';

const audioTime = (page: Page) => page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="call-audio"]')!.currentTime);

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  let server: QaServer;
  let browser: TestBrowser;
  let page: Page;
  beforeAll(async () => {
    await buildWebApp();
    [server, browser] = await Promise.all([analysedCallsServer(sampleRecordings, prepareSampleStore), launchBrowser()]);
    await seedExample(server);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in with a token and lists the calls', async () => {
    await page.goto(server.url);
    await page.locator('#token').waitFor();
    await screenshot(page, '01-sign-in');
    await page.fill('#token', server.adminToken);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table.calls tbody tr').count()).toBe(3);
    await screenshot(page, '02-call-list');
  });

  it('filters the list by language and transcript text', async () => {
    await page.selectOption('select[name="language"]', 'en');
    await page.fill('input[name="q"]', 'parcel');
    await page.click('form.filters button[type="submit"]');
    await expect.poll(() => page.locator('table.calls tbody tr').count()).toBe(1);
    expect(page.url()).toContain('language=en');
    await screenshot(page, '03-call-list-filtered');
  });

  it('shows the utterances a search finds, by any inflection, with the words marked and a link to their moment', async () => {
    await page.goto(`${server.url}/#/calls?q=${encodeURIComponent('платежом party:agent')}`);
    const hits = page.locator('.utterance-hit');
    await expect.poll(() => hits.count()).toBe(2);
    expect(await page.locator('.utterance-hit mark').allInnerTexts()).toEqual(['платежа', 'платёж']);
    expect(await hits.first().locator('.hit-text').innerText()).toBe('Спасибо. Можно я поставлю вас на удержание на полминуты? Я проверю оба платежа.');
    const href = (await hits.nth(1).locator('a').getAttribute('href'))!;
    expect(href).toMatch(/^#\/calls\/[0-9a-f]{16}\?t=\d+(\.\d+)?$/);
    await screenshot(page, '03b-search-hits');
    await hits.nth(1).locator('a').click();
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('[data-testid="call-audio"]')?.duration ?? 0) > 0);
    await expect.poll(() => audioTime(page)).toBeCloseTo(Number(href.split('?t=')[1]), 1);
  });

  it('filters by queue and date, showing when each call took place and where that came from', async () => {
    const listed = async () => (await page.locator('table.calls tbody tr').allInnerTexts()).map((row) => row.split('\t'));
    await page.goto(`${server.url}/#/calls?queue=delivery`);
    await expect.poll(async () => (await listed()).map((row) => [row[0], row[2], row[7]])).toEqual([['☎ en-02-delivery-delay.wav', 'delivery', '18 Nov 2026, 15:34']]);
    await page.goto(`${server.url}/#/calls`);
    await expect.poll(() => page.locator('table.calls tbody tr').count()).toBe(3);
    await page.fill('input[name="from"]', '2026-11-16');
    await page.fill('input[name="to"]', '2026-11-16');
    await page.click('form.filters button[type="submit"]');
    await expect.poll(async () => (await listed()).map((row) => row[0])).toEqual(['☎ en-01-billing-dispute.wav']);
    expect(page.url()).toContain('from=2026-11-16T00%3A00%3A00.000Z');
    await page.goto(`${server.url}/#/calls?language=en&q=parcel`);
    await expect.poll(() => page.locator('table.calls tbody tr').count()).toBe(1);
  });

  it('opens a call, plays it and seeks from the transcript', async () => {
    await page.click('table.calls tbody tr a');
    const tookPlace = page.locator('.call-header dd').nth(1);
    await expect.poll(() => tookPlace.innerText()).toBe('18 Nov 2026, 15:34');
    expect(await tookPlace.getAttribute('title')).toBe('from the metadata file');
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('[data-testid="call-audio"]')?.duration ?? 0) > 0);
    await page.click('button.play');
    await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(0.3);
    await page.click('button.play');
    const second = page.locator('.utterance-time').nth(1);
    await second.click();
    const secondStart = Number(await page.locator('.utterance-text').nth(1).getAttribute('data-start'));
    await expect.poll(() => audioTime(page)).toBeCloseTo(secondStart, 1);
    const metricsRows = page.locator('section.metrics .metrics-table tbody tr');
    expect(await metricsRows.count()).toBe(9);
    expect(await metricsRows.nth(1).innerText()).toMatch(/^Talk speed\s+\d+ wpm.*\s+\d+ wpm/);
    expect(await page.locator('section.metrics .non-talk').innerText()).toMatch(/^Non-talk \(gaps ≥ 3 s\)/);
  });

  it('jumps to an event when it is clicked', async () => {
    const hold = page.locator('button.event[data-event-type="hold"]').first();
    const holdStart = Number(await hold.getAttribute('data-start'));
    await hold.click();
    await expect.poll(() => audioTime(page)).toBeCloseTo(holdStart, 1);
    await expect.poll(() => page.locator('.utterance.active').count()).toBeLessThanOrEqual(1);
  });

  it('overrides a rule and shows the review in the audit trail', async () => {
    await page.selectOption('select[name="target"]', 'rule:greeting');
    await page.selectOption('select[name="status"]', 'pass');
    await page.fill('textarea[name="comment"]', 'Brand greeting is approved for this line.');
    await page.click('.review-form button[type="submit"]');
    await page.locator('.audit-trail li', { hasText: 'Rule greeting' }).waitFor();
    await expect.poll(() => page.locator('.rule[data-rule-id="greeting"] .status').textContent()).toBe('pass');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '04-call-page');
  });

  it('shows the agent dashboard with trends and coaching flags', async () => {
    expect(await page.locator('form.review-form').count()).toBe(1);
    await page.click('nav.top-bar a[href="#/agents"]');
    await expect.poll(() => page.locator('table.agents tbody tr').count()).toBe(2);
    await page.locator('.trend canvas').first().waitFor();
    // KPIs of the latest week with calls: en-01 (agent-7) and en-02 (agent-9); no CDRs, so service level has no figure.
    await expect.poll(() => page.locator('table.kpis tbody th').allTextContents()).toEqual(['agent-7', 'agent-9']);
    expect(await page.locator('table.kpis tbody tr').first().locator('td').nth(1).textContent()).toBe('not available');
    await screenshot(page, '05-agents');
  });

  it('shows the example library and opens an example at its moment', async () => {
    await page.click('nav.top-bar a[href="#/examples"]');
    await page.locator('.example').first().waitFor();
    await screenshot(page, '06-examples');
    await page.click('.example-head a');
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('[data-testid="call-audio"]')?.duration ?? 0) > 0);
    await expect.poll(() => audioTime(page)).toBeGreaterThan(0.5);
  });

  it('lets a trainer tag a span on the call page, find it in the library and download its clip', async () => {
    await page.click('nav.top-bar button:has-text("Sign out")');
    await page.fill('#token', server.trainerToken);
    await page.keyboard.press('Enter');
    // A trainer reviews no rules and sees no agent figures: neither the page nor the form is offered.
    await expect.poll(() => page.locator('nav.top-bar ul a').allTextContents()).toEqual(['Calls', 'Example library']);
    await page.locator('table.calls tbody tr a', { hasText: 'en-01' }).click();
    await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('[data-testid="call-audio"]')?.duration ?? 0) > 0);
    await page.locator('.tag-example:not([hidden])').waitFor();
    expect(await page.locator('form.review-form').count()).toBe(0);
    const line = page.locator('.utterance', { hasText: 'May I put you on hold' });
    await line.locator('.utterance-time').click();
    const lineStart = Number(await line.locator('.utterance-text').getAttribute('data-start'));
    // The form follows the playhead through timeupdate, which lands just after the seek.
    await expect.poll(async () => {
      await page.click('.example-form .use-line');
      return Number(await page.inputValue('input[name="start_s"]'));
    }).toBeCloseTo(lineStart, 1);
    expect(await page.isChecked('input[name="label"][value="good"]')).toBe(true);
    await page.selectOption('.example-form select[name="guidance_ref"]', 'G4');
    await page.fill('.example-form textarea[name="note"]', 'Asks before the hold and says how long it will be.');
    // From the note, Tab reaches the submit button and Enter saves: the form works without a mouse.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.example-form .form-message.is-success').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '07-example-form');

    await page.click('.example-form .form-message a');
    const tagged = page.locator('.example', { hasText: 'Asks before the hold' });
    await tagged.waitFor();
    expect(await page.locator('.example').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), tagged.locator('.download-clip').click()]);
    expect(download.suggestedFilename()).toMatch(/^example-G4-good-.+\.zip$/);
    const archive = await readFile(await download.path());
    expect(archive.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => tagged.locator('.clip-status').textContent()).toBe('Downloaded.');
  });

  it("tells a trainer that the agent page is not for their role, without asking the API", async () => {
    await page.goto(`${server.url}/#/agents`);
    await expect.poll(() => page.locator('#main .state-empty strong').textContent()).toBe('Not open to your role');
    expect(await page.locator('table.agents').count()).toBe(0);
  });

  it('logged no console errors on any page', () => {
    expect(browser.problems).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('call list with 10 000 calls', () => {
  let server: QaServer;
  let browser: TestBrowser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([syntheticCallsServer(10_000), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the first 50 rows within 3 s', async () => {
    const timings = await measureCallListLoad(browser, server, 5);
    expect(Math.max(...timings.map((timing) => timing.rowsShownMs))).toBeLessThan(3000);
    expect(browser.problems).toEqual([]);
  });
});

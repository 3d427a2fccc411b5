/**
 * Chat and e-mail conversations in the web app, in headless Chromium against a real server: the
 * channel filter and icons in the list, and a conversation's page showing its message thread
 * (no waveform) where clicking rule evidence marks the message it quotes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshot, type TestBrowser } from './browser.test-helper.ts';
import { buildWebApp } from './build-web-app.test-helper.ts';
import { analysedCallsServer, type QaServer } from './qa-server.test-helper.ts';

const contacts = ['samples/calls/en-01-billing-dispute.wav', 'samples/conversations/en-chat-02-plan-upgrade.json', 'samples/conversations/en-email-02-broken-kettle.eml'];

describe.skipIf(!hasChromium)('conversations in the web app', () => {
  let server: QaServer;
  let browser: TestBrowser;
  let page: Page;
  beforeAll(async () => {
    await buildWebApp();
    [server, browser] = await Promise.all([analysedCallsServer(contacts, async () => {}), launchBrowser()]);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks each contact with its channel and filters by channel', async () => {
    await page.goto(server.url);
    await page.fill('#token', server.adminToken);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('table.calls tbody tr').count()).toBe(3);
    const labels = await page.locator('table.calls tbody .channel').evaluateAll((icons) => icons.map((icon) => icon.getAttribute('aria-label')).sort());
    expect(labels).toEqual(['Chat conversation', 'E-mail conversation', 'Recorded call']);
    await page.selectOption('select[name="channel"]', 'email');
    await page.click('form.filters button[type="submit"]');
    await expect.poll(() => page.locator('table.calls tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/en-email-02-broken-kettle\.eml[\s\S]*2\.8 d/)]);
    await screenshot(page, 'conversations-01-list');
  });

  it('shows an e-mail thread instead of a waveform, with reply waits, and marks the message a piece of evidence quotes', async () => {
    await page.click('table.calls tbody a');
    await page.locator('.thread').waitFor();
    expect(await page.locator('.waveform').count()).toBe(0);
    const messages = page.locator('.thread li.message');
    expect(await messages.count()).toBe(4);
    expect(await messages.nth(1).innerText()).toMatch(/Agent · .*reply after 37\.7 h[\s\S]*We cannot send a replacement/);
    expect(await messages.nth(1).innerText()).not.toContain('Northwind Returns\n');
    await page.locator('li.rule[data-rule-id="no-evaluative"] button.evidence-item').first().click();
    await expect.poll(() => page.locator('.thread li.message.active').innerText()).toContain('which is your own fault');
    await screenshot(page, 'conversations-02-thread');
    expect(browser.problems).toEqual([]);
  });
});

/**
 * Page load of the call list, timed in the browser: from navigation start to the first 50 rows
 * in the table (what a user waits for), with the DOMContentLoaded time and the list request's
 * own duration beside it. Written to web/test-artifacts/call-list-load.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { artifactsDir, type TestBrowser } from './browser.test-helper.ts';
import type { QaServer } from './qa-server.test-helper.ts';

export interface CallListLoad { rowsShownMs: number; domContentLoadedMs: number; listRequestMs: number }

export async function measureCallListLoad(browser: TestBrowser, server: QaServer, runs: number): Promise<CallListLoad[]> {
  const page = await browser.newPage();
  // Signed in before the app's first script runs; about:blank (between runs) has no storage.
  await page.addInitScript((token) => {
    if (location.protocol === 'http:') sessionStorage.setItem('callqa.token', token);
  }, server.adminToken);
  const timings: CallListLoad[] = [];
  for (let run = 0; run < runs; run += 1) {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/calls`);
    await page.locator('table.calls tbody tr:nth-child(50)').waitFor();
    timings.push(await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const list = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/v1/calls?'))!;
      return { rowsShownMs: performance.now(), domContentLoadedMs: navigation.domContentLoadedEventEnd, listRequestMs: list.duration };
    }));
  }
  await page.close();
  await mkdir(artifactsDir, { recursive: true });
  await writeFile(path.join(artifactsDir, 'call-list-load.json'), `${JSON.stringify({ calls: 10_000, runs: timings }, null, 2)}\n`);
  return timings;
}

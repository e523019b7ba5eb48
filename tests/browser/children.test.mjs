// Browser tests of the children list in Debian's Chromium, driven by playwright-core (never a
// downloaded browser), with an accessibility scan of every page visited (axe-core: no serious or
// critical violation). Screenshots go to $HEARTH_SCREENSHOTS for a reader to look at.
//
// Run by CTest (tests/browser/CMakeLists.txt) with HEARTH_BINARY set to the built `hearth`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

const hearth = process.env.HEARTH_BINARY;
const screenshots = process.env.HEARTH_SCREENSHOTS ?? join(tmpdir(), 'hearth-screenshots');
let folder, server, base, browser;

before(async () => {
  assert.ok(hearth, 'HEARTH_BINARY must name the hearth executable');
  folder = mkdtempSync(join(tmpdir(), 'hearth-browser-'));
  mkdirSync(screenshots, { recursive: true });
  const db = join(folder, 'browser.db');
  const synth = spawnSync(hearth, ['synth', '--size', 'small', '--years', '1', '--db', db], {
    encoding: 'utf8',
  });
  assert.equal(synth.status, 0, synth.stderr);
  server = spawn(hearth, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`hearth serve exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

// axe needs a page in a context of its own.
async function newPage() {
  const context = await browser.newContext();
  return context.newPage();
}

async function expectAccessible(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), []);
}

test('the children page lists the authority, 25 to a page, and passes an accessibility scan', async () => {
  const page = await newPage();
  await page.goto(`${base}/children`);
  assert.equal(await page.locator('h1').innerText(), 'Children');
  assert.equal(await page.locator('tbody tr').count(), 25);
  assert.match(await page.locator('body').innerText(), /Showing 1 to 25 of [\d,]+ children/);
  await expectAccessible(page);
  await page.screenshot({ path: join(screenshots, 'children.png'), fullPage: true });
  await page.context().close();
});

test('a search by name narrows the list and paging keeps the search', async () => {
  const page = await newPage();
  await page.goto(`${base}/children`);
  const firstFamily = (await page.locator('tbody tr th').first().innerText()).split(',')[0];
  await page.fill('#q', firstFamily);
  await page.click('button:has-text("Search")');
  const rows = page.locator('tbody tr th');
  assert.ok((await rows.count()) > 0);
  for (const name of await rows.allInnerTexts()) {
    assert.ok(name.toUpperCase().includes(firstFamily.toUpperCase()) || name.includes('formerly'), name);
  }
  await expectAccessible(page);
  await page.screenshot({ path: join(screenshots, 'children-search.png'), fullPage: true });
  await page.goto(`${base}/children?q=zzzzzz`);
  assert.match(await page.locator('main').innerText(), /No children/i);
  await expectAccessible(page);
  await page.context().close();
});

test('the next page link moves through the list', async () => {
  const page = await newPage();
  await page.goto(`${base}/children`);
  const firstOnPageOne = await page.locator('tbody tr td').first().innerText();
  await page.click('.govuk-pagination__next a');
  assert.match(page.url(), /page=2/);
  const firstOnPageTwo = await page.locator('tbody tr td').first().innerText();
  assert.notEqual(firstOnPageOne, firstOnPageTwo);
  await page.context().close();
});

test('an unknown address shows the page-not-found page, accessibly', async () => {
  const page = await newPage();
  const response = await page.goto(`${base}/no-such-page`);
  assert.equal(response.status(), 404);
  assert.match(await page.locator('h1').innerText(), /Page not found/);
  await expectAccessible(page);
  await page.screenshot({ path: join(screenshots, 'not-found.png'), fullPage: true });
  await page.context().close();
});

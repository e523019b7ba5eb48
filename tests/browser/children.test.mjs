// Browser tests of the children list, signed in as the demo social worker, in Debian's Chromium
// through playwright-core, with an accessibility scan of every page visited (axe-core: no serious
// or critical violation). Screenshots go to $HEARTH_SCREENSHOTS for a reader to look at.
//
// Run by CTest (tests/browser/CMakeLists.txt) with HEARTH_BINARY set to the built `hearth`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Hearth, expectAccessible, screenshots } from './harness.mjs';

const hearth = new Hearth();
const base = () => hearth.base;

before(async () => hearth.start());
after(async () => hearth.stop());

// A page signed in as the demo social worker.
async function newPage() {
  return hearth.signIn('social.worker');
}

test('the children page lists the authority, 25 to a page, and passes an accessibility scan', async () => {
  const page = await newPage();
  await page.goto(`${base()}/children`);
  assert.equal(await page.locator('h1').innerText(), 'Children');
  assert.equal(await page.locator('tbody tr').count(), 25);
  assert.match(await page.locator('body').innerText(), /Showing 1 to 25 of [\d,]+ children/);
  await expectAccessible(page);
  await page.screenshot({ path: join(screenshots, 'children.png'), fullPage: true });
  await page.context().close();
});

test('a search by name narrows the list and paging keeps the search', async () => {
  const page = await newPage();
  await page.goto(`${base()}/children`);
  const firstName = await page.locator('tbody tr th').first().innerText();
  const firstFamily = firstName.split(',')[0];
  await page.fill('#q', firstFamily);
  await page.click('button:has-text("Search")');
  const rows = page.locator('tbody tr th');
  // The search matches any of a child's names (middle, preferred and former ones too, which the
  // list does not show), so each row need not show the word; the child searched for is there,
  // and most rows show it.
  const names = await rows.allInnerTexts();
  assert.ok(names.includes(firstName), `${firstName} in ${names}`);
  const showing = names.filter((name) => name.toUpperCase().includes(firstFamily.toUpperCase()));
  assert.ok(showing.length * 2 > names.length, names.join('; '));
  await expectAccessible(page);
  await page.screenshot({ path: join(screenshots, 'children-search.png'), fullPage: true });
  await page.goto(`${base()}/children?q=zzzzzz`);
  assert.match(await page.locator('main').innerText(), /No children/i);
  await expectAccessible(page);
  await page.context().close();
});

test('the next page link moves through the list', async () => {
  const page = await newPage();
  await page.goto(`${base()}/children`);
  const firstOnPageOne = await page.locator('tbody tr td').first().innerText();
  await page.click('.govuk-pagination__next a');
  assert.match(page.url(), /page=2/);
  const firstOnPageTwo = await page.locator('tbody tr td').first().innerText();
  assert.notEqual(firstOnPageOne, firstOnPageTwo);
  await page.context().close();
});

test('an unknown address shows the page-not-found page, accessibly', async () => {
  const page = await newPage();
  const response = await page.goto(`${base()}/no-such-page`);
  assert.equal(response.status(), 404);
  assert.match(await page.locator('h1').innerText(), /Page not found/);
  await expectAccessible(page);
  await page.screenshot({ path: join(screenshots, 'not-found.png'), fullPage: true });
  await page.context().close();
});

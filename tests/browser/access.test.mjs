// Browser tests of who may see what: each demo role signs in and sees what it should and nothing
// it should not; a partner who types the address of a case note is refused, and the auditor
// sees the refusal; break-glass; accounts; signing out. Every page visited passes an
// accessibility scan. Screenshots of the sign-in page, My work and the child's record go to
// $HEARTH_SCREENSHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { Hearth, expectAccessible, navigation, shot } from './harness.mjs';

const hearth = new Hearth();
// Found by the social worker's test, used by the later ones.
let childHref;
let noteHref;
let notInCareHref;  // a child of theirs neither looked after nor on a protection plan

before(async () => hearth.start());
after(async () => hearth.stop());

test('the sign-in page is the way in, says what is wrong, and passes an accessibility scan', async () => {
  const page = await hearth.newPage();
  await page.goto(`${hearth.base}/my-work`);
  assert.match(page.url(), /\/sign-in\?next=%2Fmy-work/);
  assert.equal(await page.locator('h1').innerText(), 'Sign in to Hearth');
  await expectAccessible(page);
  await shot(page, 'sign-in');

  await page.fill('#username', 'social.worker');
  await page.fill('#password', 'not the password');
  await page.click('button:has-text("Sign in")');
  assert.match(await page.locator('.govuk-error-summary').innerText(),
               /Enter a correct username and password/);
  await expectAccessible(page);
  await shot(page, 'sign-in-error');
  await page.context().close();
});

test('a social worker sees their allocated children and their whole records, and no admin pages', async () => {
  const page = await hearth.signIn('social.worker');
  assert.match(page.url(), /\/my-work$/);
  assert.equal(await page.locator('h1').innerText(), 'My work');
  assert.match(await page.locator('main').innerText(), /Your allocated children/);
  assert.ok((await page.locator('tbody tr').count()) > 0, 'no allocated children');
  assert.deepEqual(await navigation(page), ['My work', 'Children', 'Your account', 'Sign out']);
  await expectAccessible(page);
  await shot(page, 'my-work');

  childHref = await page.locator('tbody tr a').first().getAttribute('href');
  for (const row of await page.locator('tbody tr').all()) {
    const status = await row.locator('td').nth(1).innerText();
    if (!/Looked after|Child protection plan/.test(status)) {
      notInCareHref = await row.locator('a').first().getAttribute('href');
      break;
    }
  }
  assert.ok(notInCareHref, 'a child neither in care nor on a plan');
  await page.click('tbody tr a >> nth=0');
  assert.match(await page.locator('main').innerText(), /Identity and characteristics/);
  assert.match(await page.locator('main').innerText(), /Episodes on record/);
  assert.match(await page.locator('main').innerText(), /Who opened this record by giving a reason/);
  assert.equal(await page.locator('text=Open the full record').count(), 0);
  await expectAccessible(page);
  await shot(page, 'child-record');

  noteHref = await page.locator('#notes ~ div a').first().getAttribute('href');
  assert.ok(noteHref, 'the record has case notes');
  await page.goto(hearth.base + noteHref);
  assert.match(await page.locator('.govuk-caption-l').innerText(), /Case note/);
  await expectAccessible(page);

  await page.goto(`${hearth.base}/children`);
  assert.match(await page.locator('main').innerText(), /Showing 1 to 25 of/);
  await expectAccessible(page);

  for (const forbidden of ['/admin/users', '/audit', '/statistics', '/agency']) {
    const response = await page.goto(hearth.base + forbidden);
    assert.equal(response.status(), 403, forbidden);
  }
  assert.match(await page.locator('h1').innerText(), /You do not have permission/);
  await expectAccessible(page);
  await page.context().close();
});

test('a team manager sees their team\'s children with who holds each, and the statistics', async () => {
  const page = await hearth.signIn('team.manager');
  assert.match(await page.locator('main').innerText(), /Your team’s children/);
  assert.ok((await page.locator('th:has-text("Allocated worker")').count()) === 1);
  assert.deepEqual(await navigation(page), ['My work', 'Children', 'Statistics', 'Returns', 'Your account', 'Sign out']);
  await expectAccessible(page);
  await page.goto(`${hearth.base}/statistics`);
  assert.match(await page.locator('main').innerText(), /Looked after/);
  // The returns' failures name children; a team manager can follow one to the child's page.
  await page.goto(`${hearth.base}/returns?return=903`);
  assert.match(await page.locator('h2').first().innerText(), /SSDA903 \d{4}-\d{2}/);
  const failing = page.locator('main table a[href^="/children/"]');
  if (await failing.count() > 0) {
    const href = await failing.first().getAttribute('href');
    assert.equal((await page.goto(hearth.base + href)).status(), 200);
  }
  await page.context().close();
});

test('a reviewing officer sees the children in care and on plans, each as a summary until a reason is given', async () => {
  const page = await hearth.signIn('reviewing.officer');
  assert.match(await page.locator('main').innerText(), /Children looked after or on a child protection plan/);
  assert.ok((await page.locator('tbody tr').count()) > 0);
  await expectAccessible(page);
  await page.locator('tbody tr a').first().click();
  const child = await page.locator('main').innerText();
  assert.match(child, /Open the full record/);
  assert.doesNotMatch(child, /Case notes/);
  await page.context().close();
});

test('a reviewing officer sees only the summary of a child, and gives a reason to open it', async () => {
  const page = await hearth.signIn('reviewing.officer');
  await page.goto(hearth.base + notInCareHref);
  const main = await page.locator('main').innerText();
  assert.match(main, /Open the full record/);
  assert.doesNotMatch(main, /Case notes|Family and network/);
  await expectAccessible(page);
  await shot(page, 'child-summary');
  assert.equal((await page.goto(hearth.base + notInCareHref + noteHref.slice(noteHref.indexOf('/notes/')))).status(), 403);

  await page.goto(hearth.base + notInCareHref);
  await page.click('button:has-text("Open the full record")');
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter why you need to see this record/);
  await expectAccessible(page);
  await page.fill('#reason', 'Chairing a strategy meeting about this child and their sibling tomorrow');
  await page.click('button:has-text("Open the full record")');
  const opened = await page.locator('main').innerText();
  assert.match(opened, /Case notes/);
  assert.match(opened, /You opened this record by giving a reason/);
  await expectAccessible(page);
  await page.context().close();

  // The allocated worker sees who opened the record and why.
  const worker = await hearth.signIn('social.worker');
  await worker.goto(hearth.base + notInCareHref);
  const access = await worker.locator('#access ~ div').innerText();
  assert.match(access, /reviewing\.officer/);
  assert.match(access, /Chairing a strategy meeting/);
  await worker.context().close();
});

test('the front door sees the children with recent contacts', async () => {
  const page = await hearth.signIn('front.door');
  assert.match(await page.locator('main').innerText(), /Children with a contact in the last 30 days/);
  await expectAccessible(page);
  await page.context().close();
});

test('a police officer sees only their force\'s records, and is refused a case note they type the address of', async () => {
  const page = await hearth.signIn('police.officer');
  assert.match(page.url(), /\/agency$/);
  assert.match(await page.locator('h1').innerText(), /Your agency’s records/);
  assert.ok((await page.locator('tbody tr').count()) > 0);
  assert.deepEqual(await navigation(page), ['Your agency’s records', 'Your account', 'Sign out']);
  await expectAccessible(page);
  await shot(page, 'agency-records');

  const response = await page.goto(hearth.base + noteHref);
  assert.equal(response.status(), 403);
  assert.match(await page.locator('h1').innerText(), /You do not have permission/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Saw|visit/i);
  await expectAccessible(page);
  await shot(page, 'forbidden');
  for (const address of [childHref, '/children', '/my-work']) {
    assert.equal((await page.goto(hearth.base + address)).status(), 403, address);
  }
  await page.context().close();

  // The refusal is in the audit log, for the auditor to see, and at the command line.
  const auditor = await hearth.signIn('auditor');
  await auditor.fill('#user', 'police.officer');
  await auditor.click('form:has(#user) button');
  const log = await auditor.locator('main').innerText();
  assert.match(log, /Was refused a page/);
  assert.match(log, new RegExp(noteHref.replace(/[/.]/g, '\\$&')));
  await expectAccessible(auditor);
  await shot(auditor, 'audit-log');
  await auditor.goto(`${hearth.base}/audit/verify`);
  assert.match(await auditor.locator('main').innerText(), /The chain is intact/);
  await expectAccessible(auditor);
  await auditor.context().close();
  assert.match(hearth.run(['audit', 'show', '--user', 'police.officer']), /route\.denied/);
});

test('an analyst sees figures and no child', async () => {
  const page = await hearth.signIn('analyst');
  assert.match(page.url(), /\/statistics$/);
  assert.match(await page.locator('main').innerText(), /Children in need/);
  assert.equal(await page.locator('a[href^="/children/"]').count(), 0);
  await expectAccessible(page);
  assert.equal((await page.goto(hearth.base + childHref)).status(), 403);
  await page.context().close();
});

test('an analyst checks the CIN census against the DfE\'s rules, grouped by rule, children by id only', async () => {
  const page = await hearth.signIn('analyst');
  await page.click('nav >> text=Returns');
  assert.match(page.url(), /\/returns$/);
  const main = await page.locator('main').innerText();
  assert.match(main, /CIN census \d{4}-\d{2}/);
  assert.match(main, /\d+ rules run/);
  await expectAccessible(page);
  await shot(page, 'returns-cin');
  // Each rule in the summary leads to its failures; no child is a link for an analyst.
  const rules = page.locator('caption:has-text("Failures by rule") ~ tbody tr');
  assert.ok(await rules.count() > 0, 'the synthetic census has queries to check');
  const anchor = await rules.first().locator('a').getAttribute('href');
  assert.equal(await page.locator(anchor).count(), 1);
  assert.equal(await page.locator('main a[href^="/children/"]').count(), 0);
  // The other return, by the form; the CSV of every failure.
  await page.selectOption('#return', '903');
  await page.click('button:has-text("Check the return")');
  assert.match(await page.locator('h2').first().innerText(), /SSDA903/);
  await expectAccessible(page);
  const csv = await page.request.get(`${hearth.base}/returns/report.csv?return=cin`);
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /text\/csv/);
  assert.match(await csv.text(), /^rule,message,table,file,line,child,fields\n/);
  assert.equal((await page.goto(`${hearth.base}/returns?return=cin&year=1999`)).status(), 400);
  assert.match(await page.locator('main').innerText(), /year must be from/);
  await page.context().close();
});

test('an administrator adds an account and sees its password once, and sees no child', async () => {
  const page = await hearth.signIn('admin');
  assert.match(page.url(), /\/admin\/users$/);
  assert.ok((await page.locator('tbody tr').count()) >= 8);
  await expectAccessible(page);
  await page.click('text=Add an account');
  await expectAccessible(page);
  await page.fill('#display_name', 'Priya Shah');
  await page.fill('#username', 'priya shah');
  await page.selectOption('#role', 'front_door');
  await page.fill('#reason', 'New starter in the MASH');
  await page.click('button:has-text("Add the account")');
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Username must be/);
  await expectAccessible(page);
  await page.fill('#username', 'priya.shah');
  await page.click('button:has-text("Add the account")');
  assert.match(await page.locator('.govuk-panel__title').innerText(), /Account added/);
  const password = await page.locator('.hearth-password').innerText();
  assert.match(password, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await expectAccessible(page);
  assert.equal((await page.goto(hearth.base + childHref)).status(), 403);
  await page.context().close();

  const priya = await hearth.newPage();
  await priya.goto(`${hearth.base}/sign-in`);
  await priya.fill('#username', 'priya.shah');
  await priya.fill('#password', password);
  await priya.click('button:has-text("Sign in")');
  assert.match(priya.url(), /\/my-work$/);
  await priya.context().close();
});

test('signing out ends the session: the pages ask to sign in again', async () => {
  const page = await hearth.signIn('social.worker');
  assert.match(page.url(), /\/my-work$/);
  assert.equal(await page.locator('h1').innerText(), 'My work');
  await page.click('button:has-text("Sign out")');
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /You have signed out/);
  await expectAccessible(page);
  // Back to My work: the browser kept no copy (no-store), so it asks again and is sent to sign in.
  await page.goBack();
  assert.match(page.url(), /\/sign-in\?next=(%2F|\/)my-work$/);
  assert.equal(await page.locator('h1').innerText(), 'Sign in to Hearth');
  await page.context().close();
});

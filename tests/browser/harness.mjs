// What the browser tests share: a small synthetic authority made by `hearth demo --no-serve`
// (with one account for each role, passwords read from the file it keeps beside the database),
// `hearth serve` on a free port, Debian's Chromium through playwright-core (never a downloaded
// browser), sign-in, an accessibility scan (axe-core: no serious or critical violation) and
// screenshots into $HEARTH_SCREENSHOTS for a reader to look at.
//
// Run by CTest (tests/browser/CMakeLists.txt) with HEARTH_BINARY set to the built `hearth`.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

export const screenshots = process.env.HEARTH_SCREENSHOTS ?? join(tmpdir(), 'hearth-screenshots');

export class Hearth {
  async start() {
    const hearth = process.env.HEARTH_BINARY;
    assert.ok(hearth, 'HEARTH_BINARY must name the hearth executable');
    this.hearth = hearth;
    this.folder = mkdtempSync(join(tmpdir(), 'hearth-browser-'));
    mkdirSync(screenshots, { recursive: true });
    this.db = join(this.folder, 'browser.db');
    const demo = spawnSync(hearth, ['demo', '--db', this.db, '--size', 'small', '--years', '2',
                                    '--no-serve'], { encoding: 'utf8' });
    assert.equal(demo.status, 0, demo.stderr + demo.stdout);
    this.passwords = Object.fromEntries(
      readFileSync(`${this.db}.accounts`, 'utf8').split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => line.split(' ')));
    this.server = spawn(hearth, ['serve', '--db', this.db, '--port', '0'],
                        { stdio: ['ignore', 'pipe', 'pipe'] });
    this.base = await new Promise((resolve, reject) => {
      let seen = '';
      this.server.stdout.on('data', (chunk) => {
        seen += chunk;
        const match = seen.match(/http:\/\/127\.0\.0\.1:\d+/);
        if (match) resolve(match[0]);
      });
      this.server.on('exit', (code) => reject(new Error(`hearth serve exited with ${code}`)));
    });
    this.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }

  async stop() {
    await this.browser?.close();
    if (this.server && this.server.exitCode === null) {
      const exited = new Promise((resolve) => this.server.on('exit', resolve));
      this.server.kill('SIGTERM');
      await exited;
    }
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }

  // A page in a browser context of its own (its own cookies; axe needs one per page).
  async newPage() {
    const context = await this.browser.newContext({ viewport: { width: 1200, height: 900 } });
    return context.newPage();
  }

  // A new page signed in as one of the demo accounts, on its home page.
  async signIn(username) {
    const page = await this.newPage();
    await page.goto(`${this.base}/sign-in`);
    await page.fill('#username', username);
    await page.fill('#password', this.passwords[username]);
    await page.click('button:has-text("Sign in")');
    assert.doesNotMatch(page.url(), /sign-in/, `${username} could not sign in`);
    return page;
  }

  // `hearth` run with arguments, for what the command line shows (the audit log).
  run(args) {
    const done = spawnSync(this.hearth, [...args, '--db', this.db], { encoding: 'utf8' });
    assert.equal(done.status, 0, done.stderr);
    return done.stdout;
  }
}

export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), [],
                   `accessibility of ${page.url()}`);
}

export async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

export async function navigation(page) {
  return (await page.locator('.govuk-service-navigation__list').innerText()).split('\n')
    .map((item) => item.trim()).filter(Boolean);
}

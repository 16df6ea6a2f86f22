import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';
import { writeProject } from '../support/rule-tester.js';

/**
 * The HTML report in real headless Chromium (Debian's chromium; `.ci/run` installs it):
 * no console error, no network request, the filters work, and a screenshot is written to
 * test-output/html-report.png.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = path.join(ROOT, 'test-output');

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('html report', () => {
  it('renders without errors or requests, filters by factor, severity, file and text, and looks right', async () => {
    const dir = writeProject({
      Dockerfile: 'FROM node:latest\nENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nCMD npm start\n',
      'server.js': "const express = require('express');\nconst app = express();\napp.listen(3000, '127.0.0.1');\n",
      'package.json': '{"name":"shop","scripts":{"start":"node server.js"},"dependencies":{"express":"4"}}',
      'docker-stack.yml': 'services:\n  web:\n    build: .\n    restart: always\n    volumes:\n      - ./uploads:/app/uploads\n  db:\n    image: postgres\n    container_name: db\n',
    });
    const file = path.join(dir, 'report.html');
    await runCli(['--config', path.join(ROOT, 'test/fuzz/strict.json'), '--format', `html=${file}`, '.'], dir);

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);

    expect(errors).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
    const total = await page.locator('.finding').count();
    expect(total).toBeGreaterThan(5);
    expect(await page.locator('#count').textContent()).toBe(`${total} of ${total} findings`);
    // The secret is masked in the snippet too.
    expect(await page.content()).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');

    await page.selectOption('#f-severity', 'error');
    const errorsShown = await page.locator('.finding:not([hidden])').count();
    expect(errorsShown).toBe(await page.locator('.finding[data-severity="error"]').count());
    expect(errorsShown).toBeLessThan(total);
    await page.selectOption('#f-severity', '');
    await page.selectOption('#f-factor', 'swarm');
    expect(await page.locator('.finding:not([hidden])').count()).toBe(await page.locator('.finding[data-factor="swarm"]').count());
    await page.selectOption('#f-factor', '');
    await page.selectOption('#f-file', 'Dockerfile');
    expect(await page.locator('.finding:not([hidden])').count()).toBe(await page.locator('.finding[data-file="Dockerfile"]').count());
    await page.selectOption('#f-file', '');
    await page.fill('#f-text', 'container_name');
    const byText = await page.locator('.finding:not([hidden])').count();
    expect(byText).toBeGreaterThan(0);
    expect(byText).toBeLessThan(total);
    await page.fill('#f-text', '');
    expect(await page.locator('.finding:not([hidden])').count()).toBe(total);

    // Docs links and source snippets are there.
    expect(await page.locator('.finding a[href^="https://github.com/twelvelint/twelvelint/blob/main/docs/rules/"]').count()).toBeGreaterThan(3);
    expect(await page.locator('.finding pre .hit').count()).toBeGreaterThan(3);

    mkdirSync(OUT, { recursive: true });
    const shot = path.join(OUT, 'html-report.png');
    await page.screenshot({ path: shot, fullPage: false });
    writeFileSync(path.join(OUT, 'html-report.html'), await page.content());
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

// Writes docs/banner.png, docs/panel.png and docs/banner-mobile.png from the demo page.
// Run `npm run build` first, then `node scripts/screenshots.mjs`.
import {existsSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import {CHROME_ARGS, chromePath} from './chrome.mjs';
import {startServer} from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = new URL('../docs/', import.meta.url);
const ANIMATION_MS = 400;

if (!existsSync(new URL('../dist/cookie-consent.js', import.meta.url))) {
  console.error('dist/cookie-consent.js is missing: run "npm run build" first.');
  process.exit(1);
}

/** Opens the demo in a fresh browser context (no cookies) and waits for the banner to settle. */
async function openDemo(browser, demoUrl, viewport) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`Page error: ${error.message}`));
  await page.setViewport(viewport);
  await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'light'}]);
  await page.goto(demoUrl, {waitUntil: 'load'});
  await page.waitForFunction(
    () => document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~=banner]'),
    {timeout: 10_000}
  );
  await wait(ANIMATION_MS);
  return {context, page};
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const file = (name) => fileURLToPath(new URL(name, DOCS));

await mkdir(DOCS, {recursive: true});
const {server, url} = await startServer({port: 0, root: ROOT, quiet: true});
const demoUrl = new URL('demo/', url).href;
const browser = await puppeteer.launch({executablePath: chromePath(), args: CHROME_ARGS, headless: true});
try {
  const desktop = await openDemo(browser, demoUrl, {width: 1280, height: 800});
  await desktop.page.screenshot({path: file('banner.png')});
  const opener = await desktop.page.evaluateHandle(() =>
    document.querySelector('cookie-consent').shadowRoot.querySelector('[part~=preferences]')
  );
  await opener.click();
  await desktop.page.waitForFunction(
    () => document.querySelector('cookie-consent').shadowRoot.querySelector('dialog[open]'),
    {timeout: 5_000}
  );
  await wait(ANIMATION_MS);
  await desktop.page.screenshot({path: file('panel.png')});
  await desktop.context.close();

  const mobile = await openDemo(browser, demoUrl, {width: 375, height: 740, isMobile: true, hasTouch: true});
  await mobile.page.screenshot({path: file('banner-mobile.png')});
  await mobile.context.close();

  console.log('Wrote docs/banner.png, docs/panel.png and docs/banner-mobile.png');
} finally {
  await browser.close();
  server.close();
}

// Writes docs/banner.png, docs/panel.png, docs/banner-mobile.png and the theming pictures
// (docs/theme-*.png: light, dark, box, right-to-left) from the demo page.
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
  // The banner and the panel are elements inside <cookie-consent>'s shadow root: search every open one.
  await page.evaluateOnNewDocument(() => {
    globalThis.deepQuery = (selector, root = document) => {
      const found = root.querySelector(selector);
      if (found) return found;
      for (const element of root.querySelectorAll('*')) {
        const inner = element.shadowRoot && globalThis.deepQuery(selector, element.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
  });
  await page.setViewport(viewport);
  await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'light'}]);
  await page.goto(demoUrl, {waitUntil: 'load'});
  await page.waitForFunction(() => globalThis.deepQuery('[part~=banner]'), {timeout: 10_000});
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
  const opener = await desktop.page.evaluateHandle(() => globalThis.deepQuery('[part~=preferences]'));
  await opener.click();
  await desktop.page.waitForFunction(() => globalThis.deepQuery('dialog[open]'), {timeout: 5_000});
  await wait(ANIMATION_MS);
  await desktop.page.screenshot({path: file('panel.png')});
  await desktop.context.close();

  const mobile = await openDemo(browser, demoUrl, {width: 375, height: 740, isMobile: true, hasTouch: true});
  await mobile.page.screenshot({path: file('banner-mobile.png')});
  await mobile.context.close();

  // Theming: the same page with the element's attributes (or the page's language) changed live.
  const variants = [
    ['theme-light.png', {theme: 'light'}],
    ['theme-dark.png', {theme: 'dark'}],
    ['theme-box.png', {layout: 'box'}],
    ['theme-rtl.png', {theme: 'light', htmlLang: 'ar'}],
  ];
  for (const [name, {htmlLang, ...attributes}] of variants) {
    const shot = await openDemo(browser, demoUrl, {width: 1024, height: 640});
    await shot.page.evaluate(
      (attributes, htmlLang) => {
        const element = document.querySelector('cookie-consent');
        for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
        if (htmlLang) document.documentElement.lang = htmlLang;
      },
      attributes,
      htmlLang
    );
    if (htmlLang) {
      await shot.page.waitForFunction(
        (lang) => globalThis.deepQuery(`[part~=banner][lang=${lang}]`),
        {timeout: 5_000},
        htmlLang
      );
    }
    await wait(ANIMATION_MS);
    await shot.page.screenshot({path: file(name)});
    await shot.context.close();
  }

  console.log('Wrote docs/banner.png, docs/panel.png, docs/banner-mobile.png and docs/theme-*.png');
} finally {
  await browser.close();
  server.close();
}

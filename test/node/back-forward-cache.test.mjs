// A page the visitor comes back to from the back/forward cache takes the decision made meanwhile on
// a sibling subdomain: a withdrawal there stops what it gates here (issue 14, item 5). Browser test
// runners keep the cache out of play (their pages are iframes), so this drives Chromium itself, with
// the cache on. Run after `npm run build`.
/* global customElements, document, window -- page.evaluate() runs these callbacks in the browser */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import {CHROME_ARGS, chromePath} from '../../scripts/chrome.mjs';
import {startServer} from '../../scripts/serve.mjs';

test(
  'a page restored from the back/forward cache takes a withdrawal made on another page',
  {timeout: 60_000},
  async () => {
    const {server, url} = await startServer({port: 0, quiet: true});
    const browser = await puppeteer.launch({
      executablePath: chromePath(),
      headless: true,
      args: CHROME_ARGS,
      // Puppeteer's own defaults are kept; none of them turns the cache off, and this checks it is on.
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      const pageUrl = new URL('test/pages/bfcache.html', url).href;
      await page.goto(pageUrl);
      await page.waitForFunction(() => customElements.get('cookie-consent'));
      await page.evaluate(() => document.querySelector('cookie-consent').acceptAll());

      // A page of a sibling subdomain, in the same tab: the visitor refuses there. (A refusal made by
      // the library on this origin also posts to its channel, which makes Chromium drop the cached page.)
      await Promise.all([page.waitForNavigation(), page.click('#away')]);

      await Promise.all([page.waitForNavigation(), page.goBack()]);
      assert.equal(await page.evaluate(() => window.restored), true, 'the page came back from the back/forward cache');
      const after = await page.evaluate(async () => {
        const element = document.querySelector('cookie-consent');
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.dataset.cookieConsent = 'performance';
        script.text = "window.runs.push('stats')";
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return {consent: element.consent, runs: window.runs};
      });
      assert.deepEqual(after.consent, {necessary: true, performance: false, functionality: false, targeting: false});
      assert.deepEqual(after.runs, [], 'a script gated on performance, added after the return, does not run');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.close();
    }
  }
);

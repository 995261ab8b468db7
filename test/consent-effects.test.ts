/** What a decision does beyond the banner: GPC, deleting what refused categories left, the receipt in the panel. */
import {expect, fixture} from '@open-wc/testing';
import '../src/define.js';
import type {CookieConsent} from '../src/cookie-consent.js';
import {cookieDomains, cookiePaths} from '../src/core/withdrawal.js';
import {declarationsOf} from '../src/core/declarations.js';
import {captureWarningsAsync, clearCookies, emulateMediaFeatures, STEADY_MEDIA} from './helpers.js';
import {harness} from './support/harness.js';

const DECLARATION = `
  <script type="application/json">
    {"cookies": {
      "performance": [
        {"name": "_stats", "match": "^_stats_", "provider": "Stats", "purpose": "Counts visits", "expires": "1 year"},
        {"name": "stats_queue", "type": "localStorage"}
      ],
      "targeting": [{"name": "_ads"}, {"name": "ads_session", "type": "sessionStorage"}]
    }}
  </script>`;

function cookieNames(): string[] {
  return document.cookie
    .split('; ')
    .filter(Boolean)
    .map((entry) => entry.split('=')[0]);
}

async function consentFixture(attributes = '') {
  const el = await fixture<CookieConsent>(`<cookie-consent ${attributes}>${DECLARATION}</cookie-consent>`);
  await el.updateComplete;
  return el;
}

function setGpc(value: boolean | undefined) {
  Object.defineProperty(navigator, 'globalPrivacyControl', {value, configurable: true});
}

beforeEach(async () => {
  clearCookies();
  await emulateMediaFeatures(STEADY_MEDIA);
});
afterEach(async () => {
  await emulateMediaFeatures([]);
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
  setGpc(undefined);
});

describe('withdrawal', () => {
  it('deletes the declared cookies and storage keys of refused categories, and keeps the rest', async () => {
    const el = await consentFixture();
    el.acceptAll();
    document.cookie = '_stats=1; path=/';
    document.cookie = '_stats_abc=1; path=/';
    document.cookie = `_stats_deep=1; path=${location.pathname}`;
    document.cookie = '_ads=1; path=/';
    document.cookie = 'unrelated=1; path=/';
    localStorage.setItem('stats_queue', '[]');
    localStorage.setItem('keep_me', '1');
    sessionStorage.setItem('ads_session', 'x');

    el.save({performance: false});
    expect(cookieNames().sort()).to.deep.equal(['_ads', 'cookie_consent', 'unrelated']);
    expect(localStorage.getItem('stats_queue')).to.equal(null);
    expect(localStorage.getItem('keep_me')).to.equal('1');
    expect(sessionStorage.getItem('ads_session')).to.equal('x');

    el.rejectAll();
    expect(cookieNames().sort()).to.deep.equal(['cookie_consent', 'unrelated']);
    expect(sessionStorage.getItem('ads_session')).to.equal(null);
  });

  it('deletes them on reset(), which withdraws everything', async () => {
    const el = await consentFixture();
    el.acceptAll();
    document.cookie = '_ads=1; path=/';
    el.reset();
    expect(cookieNames()).to.deep.equal([]);
  });

  it('tries every path and parent domain a cookie may have been set for', () => {
    expect(cookiePaths('/news/2026/story.html')).to.deep.equal([
      '/',
      '/news',
      '/news/',
      '/news/2026',
      '/news/2026/',
      '/news/2026/story.html',
      '/news/2026/story.html/',
    ]);
    expect(cookieDomains('www.news.example.org')).to.deep.equal([
      'www.news.example.org',
      'news.example.org',
      'example.org',
    ]);
    expect(cookieDomains('localhost')).to.deep.equal([]);
    expect(cookieDomains('127.0.0.1')).to.deep.equal([]);
  });

  it('warns about a malformed declaration and keeps the valid entries', async () => {
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await fixture<CookieConsent>(`<cookie-consent><script type="application/json">
        {"cookies": {"performance": [{"name": "_ok"}, {"match": "^x"}, {"name": "_bad", "match": "("}],
                     "functionality": [{"name": "_empty", "match": ""}, {"name": "_all", "match": ".+"},
                                       {"name": "_word", "match": "\\\\w"}, {"name": "_two", "match": ".."},
                                       {"name": "_ga", "match": "^_ga"}],
                     "marketing": [{"name": "_m"}], "targeting": "_ads"}}
      </script></cookie-consent>`);
      expect(declarationsOf(el).performance.map((item) => item.name)).to.deep.equal(['_ok', '_bad']);
      // A pattern that matches almost any name is dropped: withdrawing would delete the site's cookies.
      const functionality = declarationsOf(el).functionality;
      expect(functionality.map((item) => [item.name, item.match?.source])).to.deep.equal([
        ['_empty', undefined],
        ['_all', undefined],
        ['_word', undefined],
        ['_two', undefined],
        ['_ga', '^_ga'],
      ]);
    });
    expect(warnings).to.have.length(8);
    expect(warnings.filter((line) => line.includes('matches almost any name'))).to.have.length(4);
    expect(warnings.every((line) => line.startsWith('cookie-consent-elements: '))).to.equal(true);
  });

  it('warns once about a JSON block that is not JSON, and the banner still works', async () => {
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await fixture<CookieConsent>(
        `<cookie-consent><script type="application/json">{"cookies": </script></cookie-consent>`
      );
      el.acceptAll();
      el.rejectAll();
    });
    expect(warnings.filter((line) => line.includes('not valid JSON'))).to.have.length(1);
    expect(el.consent!.performance).to.equal(false);
  });
});

describe('Global Privacy Control', () => {
  it('keeps targeting off on accept all and says so in the panel', async () => {
    setGpc(true);
    const el = await consentFixture();
    const ui = harness(el);
    ui.click('accept');
    expect(el.consent).to.deep.equal({necessary: true, performance: true, functionality: true, targeting: false});
    await el.showPreferences();
    const note = ui.part('gpc-note');
    expect(note?.textContent).to.match(/Global Privacy Control/);
    const targeting = ui.switch('targeting')!;
    expect(targeting.checked).to.equal(false);
    await expect(el).to.be.accessible();
    targeting.click();
    ui.click('save');
    expect(el.consent!.targeting, "the visitor's own switch").to.equal(true);
  });

  it("lets the panel's accept all keep the targeting switch the visitor turned on", async () => {
    setGpc(true);
    const el = await consentFixture();
    await el.showPreferences();
    harness(el).switch('targeting')!.click();
    harness(el).click('accept-all');
    expect(el.consent).to.deep.equal({necessary: true, performance: true, functionality: true, targeting: true});
  });

  it('is ignored with ignore-gpc', async () => {
    setGpc(true);
    const el = await consentFixture('ignore-gpc');
    el.acceptAll();
    expect(el.consent!.targeting).to.equal(true);
    await el.showPreferences();
    expect(harness(el).part('gpc-note') === null).to.equal(true);
  });

  it('changes nothing without the signal', async () => {
    setGpc(false);
    const el = await consentFixture();
    el.acceptAll();
    expect(el.consent!.targeting).to.equal(true);
  });
});

describe('proof of consent in the panel', () => {
  it('shows the visitor the consent id and date of the stored decision', async () => {
    const el = await consentFixture('lang="en"');
    el.save({performance: true});
    await el.showPreferences();
    const receipt = harness(el).part('receipt')!;
    const id = el.ownerDocument.cookie.match(/cookie_consent=([^;]+)/)![1];
    const stored = JSON.parse(decodeURIComponent(id));
    expect(receipt.textContent).to.include(stored.id);
    expect(receipt.textContent).to.include(String(new Date(stored.at).getFullYear()));
  });

  it('shows no receipt before a decision', async () => {
    const el = await consentFixture();
    await el.showPreferences();
    expect(harness(el).part('receipt') === null).to.equal(true);
  });
});

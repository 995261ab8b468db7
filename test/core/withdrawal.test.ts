/** Withdrawal: deleting the declared cookies and storage keys a refused category left behind. */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {cookieDomains, cookiePaths} from '../../src/core/withdrawal.js';
import {declaredFixture as consentFixture} from '../support/fixtures.js';
import {
  browserCookies,
  captureWarningsAsync,
  clearCookies,
  emulateMediaFeatures,
  STEADY_MEDIA,
} from '../support/helpers.js';

/** A `<cookie-consent>` whose JSON block declares `items` for targeting. */
function targetingFixture(items: object[]): Promise<CookieConsent> {
  return fixture<CookieConsent>(`<cookie-consent><script type="application/json">
    ${JSON.stringify({cookies: {targeting: items}})}</script></cookie-consent>`);
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((database) => database.name ?? '');
}

function openDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

function cookieNames(): string[] {
  return document.cookie
    .split('; ')
    .filter(Boolean)
    .map((entry) => entry.split('=')[0]);
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

  it('never deletes its own decision cookie, even when a declared pattern matches it', async () => {
    const el = await fixture<CookieConsent>(`<cookie-consent><script type="application/json">
      {"cookies": {"targeting": [{"name": "euconsent-v2", "match": "consent"}]}}</script></cookie-consent>`);
    el.rejectAll();
    expect(document.cookie).to.include('cookie_consent=');
  });

  it('deletes Secure, __Host- and __Secure- cookies, and names js-cookie would encode', async () => {
    // http://localhost is a secure context: Chromium keeps Secure cookies set here.
    expect(isSecureContext).to.equal(true);
    const odd = 'ads@x:[1]{2}/?,';
    const el = await targetingFixture([
      {name: '__Host-ads'},
      {name: '__Secure-ads'},
      {name: 'ads_secure'},
      {name: odd},
    ]);
    el.acceptAll();
    document.cookie = '__Host-ads=1; path=/; Secure';
    document.cookie = '__Secure-ads=1; path=/; Secure';
    document.cookie = 'ads_secure=1; path=/; Secure';
    document.cookie = `${odd}=1; path=/`;
    expect(cookieNames()).to.include.members(['__Host-ads', '__Secure-ads', 'ads_secure', odd]);
    el.rejectAll();
    expect(cookieNames()).to.deep.equal(['cookie_consent']);
  });

  it('deletes a cookie on the path its declaration names, which this page cannot see', async () => {
    document.cookie = '_deep=1; path=/p/sub/';
    expect((await browserCookies()).some((cookie) => cookie.name === '_deep')).to.equal(true);
    const el = await targetingFixture([{name: '_deep', path: '/p/sub/'}]);
    el.rejectAll();
    expect((await browserCookies()).some((cookie) => cookie.name === '_deep')).to.equal(false);
  });

  it('warns about a declared path that is not one, and ignores it', async () => {
    const warnings = await captureWarningsAsync(async () => {
      const el = await targetingFixture([
        {name: '_a', path: 'p/sub'},
        {name: '_b', path: '/p; domain=evil.example'},
        {name: 'c', type: 'localStorage', path: '/p/'},
      ]);
      el.rejectAll();
    });
    expect(warnings.filter((line) => line.includes('"path"'))).to.have.length(3);
  });

  it('deletes declared IndexedDB databases and Cache Storage caches, by name and by match', async () => {
    await openDatabase('ads-db');
    await openDatabase('ads-db-2');
    await openDatabase('keep-db');
    await caches.open('ads-cache');
    await caches.open('ads-cache-v2');
    await caches.open('keep-cache');
    const el = await targetingFixture([
      {name: 'ads-db', match: '^ads-db-', type: 'indexedDB'},
      {name: 'ads-cache', match: '^ads-cache-', type: 'cacheStorage'},
    ]);
    el.rejectAll();
    let databases: string[] = [];
    let cacheNames: string[] = [];
    for (let tries = 0; tries < 100; tries++) {
      [databases, cacheNames] = await Promise.all([databaseNames(), caches.keys()]);
      if (!databases.some((name) => name.startsWith('ads-')) && cacheNames.length === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(databases.filter((name) => name.startsWith('ads-'))).to.deep.equal([]);
    expect(databases).to.include('keep-db');
    expect(cacheNames.sort()).to.deep.equal(['keep-cache']);
    indexedDB.deleteDatabase('keep-db');
    await caches.delete('keep-cache');
  });

  it('warns, and never throws, when Cache Storage is missing', async () => {
    const el = await targetingFixture([{name: 'ads-cache', type: 'cacheStorage'}]);
    Object.defineProperty(window, 'caches', {value: undefined, configurable: true});
    try {
      const warnings = await captureWarningsAsync(async () => {
        expect(() => el.rejectAll()).not.to.throw();
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
      expect(warnings.some((line) => line.includes('could not delete the declared caches'))).to.equal(true);
    } finally {
      delete (window as {caches?: unknown}).caches;
    }
  });
});

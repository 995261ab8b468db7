/** Withdrawal: deleting the declared cookies and storage keys a refused category left behind. */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {cookieDomains, cookiePaths} from '../../src/core/withdrawal.js';
import {declaredFixture as consentFixture} from '../support/fixtures.js';
import {clearCookies, emulateMediaFeatures, STEADY_MEDIA} from '../support/helpers.js';

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
});

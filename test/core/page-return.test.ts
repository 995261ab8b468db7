/**
 * A decision made where no BroadcastChannel reaches (a sibling subdomain sharing the cookie, or
 * while the page sat in the back/forward cache) takes effect when the page is shown again.
 */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {DECLARATION, gatedScript, resetRuns, runs, storedCookie} from '../support/fixtures.js';
import {clearCookies, emulateMediaFeatures, STEADY_MEDIA, until} from '../support/helpers.js';

beforeEach(async () => {
  clearCookies();
  resetRuns();
  await emulateMediaFeatures(STEADY_MEDIA);
});
afterEach(() => {
  clearCookies();
  for (const script of document.querySelectorAll('body > script[data-cookie-consent]')) script.remove();
});

/** What another subdomain writes: the same cookie, with a refusal of everything optional. */
function refuseElsewhere(): void {
  const record = {...storedCookie(), at: Date.now(), id: crypto.randomUUID(), granted: []};
  document.cookie = `cookie_consent=${encodeURIComponent(JSON.stringify(record))}; path=/`;
}

/** A decision forgotten elsewhere: the cookie is gone. */
function forgetElsewhere(): void {
  document.cookie = 'cookie_consent=; path=/; max-age=0';
}

async function acceptedPage(): Promise<CookieConsent> {
  const el = await fixture<CookieConsent>(`<cookie-consent>${DECLARATION}</cookie-consent>`);
  await el.updateComplete;
  el.acceptAll();
  document.cookie = '_stats_1=1; path=/';
  return el;
}

/** Checks that the refusal took effect as if made here: state, event, declared cookies, gating. */
async function expectWithdrawn(el: CookieConsent, reasons: string[]): Promise<void> {
  expect(el.consent?.performance).to.equal(false);
  expect(reasons).to.deep.equal(['sync']);
  await until(() => !document.cookie.includes('_stats_1'), 'the declared cookie to be deleted');
  document.body.append(gatedScript('performance', "window.runs.push('added later')"));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(runs()).to.deep.equal([]);
}

describe('a decision made where no channel reaches', () => {
  it('is read when the page becomes visible again', async () => {
    const el = await acceptedPage();
    const reasons: string[] = [];
    el.addEventListener('cookie-consent-change', (event) => reasons.push(event.detail.reason));
    refuseElsewhere();
    // Synchronously, before the cookie store's own change event can be delivered.
    document.dispatchEvent(new Event('visibilitychange'));
    expect(el.consent?.performance, 'read at once').to.equal(false);
    await expectWithdrawn(el, reasons);
  });

  it('is read when the page is restored from the back/forward cache (synthetic pageshow)', async () => {
    const el = await acceptedPage();
    const reasons: string[] = [];
    el.addEventListener('cookie-consent-change', (event) => reasons.push(event.detail.reason));
    refuseElsewhere();
    window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
    expect(el.consent?.performance, 'read at once').to.equal(false);
    await expectWithdrawn(el, reasons);
  });

  it('is read when the cookie changes, where the browser has cookieStore', async () => {
    expect('cookieStore' in window, 'Chromium has cookieStore').to.equal(true);
    const el = await acceptedPage();
    const reasons: string[] = [];
    el.addEventListener('cookie-consent-change', (event) => reasons.push(event.detail.reason));
    refuseElsewhere();
    await until(() => el.consent?.performance === false, 'the cookie store change');
    await expectWithdrawn(el, reasons);
  });

  it('withdraws everything and fires cookie-consent-reset when the decision was forgotten', async () => {
    const el = await acceptedPage();
    let resets = 0;
    el.addEventListener('cookie-consent-reset', () => resets++);
    forgetElsewhere();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(el.consent).to.equal(null);
    expect(resets).to.equal(1);
    await until(() => !document.cookie.includes('_stats_1'), 'the declared cookie to be deleted');
    document.body.append(gatedScript('performance', "window.runs.push('added later')"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs()).to.deep.equal([]);
  });
});

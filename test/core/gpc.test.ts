/**
 * Global Privacy Control: accepting all keeps targeting off, unless the visitor turns it on or the
 * site sets ignore-gpc.
 */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import type {CookieConsentChangeEvent} from '../../src/core/events.js';
import {declaredFixture as consentFixture, setGpc, storedCookie} from '../support/fixtures.js';
import {harness} from '../support/harness.js';
import {clearCookies, emulateMediaFeatures, STEADY_MEDIA} from '../support/helpers.js';

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

  it('keeps a targeting grant the visitor made themselves when they later accept all under GPC', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', {value: true, configurable: true});
    try {
      const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
      el.save({targeting: true});
      el.acceptAll();
      expect(el.consent!.targeting).to.equal(true);
    } finally {
      Object.defineProperty(navigator, 'globalPrivacyControl', {value: undefined, configurable: true});
    }
  });

  describe('after an earlier accept all, made without the signal', () => {
    /** The page view of a visitor who accepted all before turning GPC on, with the `stored` event it fired. */
    async function returningVisit(attributes = '') {
      const stored: CookieConsentChangeEvent[] = [];
      const listener = (event: CookieConsentChangeEvent) => stored.push(event);
      document.addEventListener('cookie-consent-change', listener);
      try {
        const el = await consentFixture(attributes);
        await new Promise((resolve) => setTimeout(resolve));
        return {el, stored};
      } finally {
        document.removeEventListener('cookie-consent-change', listener);
      }
    }

    beforeEach(async () => {
      setGpc(false);
      const first = await consentFixture();
      first.acceptAll();
      first.remove();
    });

    it('counts targeting as refused in consent, the stored event and the panel', async () => {
      setGpc(true);
      const {el, stored} = await returningVisit();
      const refused = {necessary: true, performance: true, functionality: true, targeting: false};
      expect(el.consent).to.deep.equal(refused);
      expect(stored.map((event) => event.detail.consent)).to.deep.equal([refused]);
      await el.showPreferences();
      expect(harness(el).switch('targeting')!.checked, 'the targeting switch').to.equal(false);
    });

    it("keeps the visitor's own switch turned on under the signal on the next visit", async () => {
      setGpc(true);
      const {el} = await returningVisit();
      await el.showPreferences();
      harness(el).switch('targeting')!.click();
      harness(el).click('save');
      expect(storedCookie()).to.include({v: 2, gpc: true});
      el.remove();

      const next = await returningVisit();
      expect(next.el.consent!.targeting).to.equal(true);
      expect(next.stored[0].detail.consent.targeting).to.equal(true);
      await next.el.showPreferences();
      expect(harness(next.el).switch('targeting')!.checked).to.equal(true);
    });

    it('keeps the earlier grant with ignore-gpc', async () => {
      setGpc(true);
      const {el, stored} = await returningVisit('ignore-gpc');
      expect(el.consent!.targeting).to.equal(true);
      expect(stored[0].detail.consent.targeting).to.equal(true);
    });
  });
});

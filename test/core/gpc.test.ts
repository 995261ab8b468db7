/**
 * Global Privacy Control: accepting all keeps targeting off, unless the visitor turns it on or the
 * site sets ignore-gpc.
 */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {declaredFixture as consentFixture, setGpc} from '../support/fixtures.js';
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
});

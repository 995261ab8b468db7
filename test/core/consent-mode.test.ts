/** Google Consent Mode v2 entries, pushed into the page's own dataLayer. */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {pushConsentDefault} from '../../src/core/consent-mode.js';
import {DENIED} from '../support/consent-mode.js';
import {gatedScript, resetRuns, runs} from '../support/fixtures.js';
import {clearCookies, emulateMediaFeatures, STEADY_MEDIA} from '../support/helpers.js';

beforeEach(async () => {
  clearCookies();
  resetRuns();
  await emulateMediaFeatures(STEADY_MEDIA);
});
afterEach(() => clearCookies());

describe('Google Consent Mode v2', () => {
  it('still pushes its default when the page pushed one as a plain array, which gtag ignores', () => {
    const win = window as Window & {dataLayer?: unknown[]};
    const plain = ['consent', 'default', {ad_storage: 'granted'}];
    win.dataLayer = [plain];
    try {
      pushConsentDefault();
      expect(win.dataLayer).to.have.length(2);
      expect(Array.isArray(win.dataLayer[1]), 'an arguments object').to.equal(false);
      expect(Array.from(win.dataLayer[1] as IArguments)).to.deep.equal([
        'consent',
        'default',
        {...DENIED, wait_for_update: 500},
      ]);
    } finally {
      delete win.dataLayer;
    }
  });
});

describe('after reset()', () => {
  it('activates nothing optional any more, and Consent Mode is told everything is denied', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent google-consent-mode></cookie-consent>');
    const layer = () => ((window as Window & {dataLayer?: IArguments[]}).dataLayer ?? []).map((entry) => [...entry]);
    el.acceptAll();
    el.reset();
    const last = layer().at(-1)!;
    expect(last[1]).to.equal('update');
    expect((last[2] as Record<string, string>).ad_storage).to.equal('denied');
    document.body.append(gatedScript('targeting', "window.runs.push('after reset')"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs()).to.deep.equal([]);
    delete (window as Window & {dataLayer?: unknown}).dataLayer;
  });
});

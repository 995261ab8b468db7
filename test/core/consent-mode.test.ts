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

  it("pushes its default for every region when the page's default names a region", () => {
    const win = window as Window & {dataLayer?: unknown[]};
    win.dataLayer = [];
    const push = (...args: unknown[]) => win.dataLayer!.push(arguments_(...args));
    try {
      push('consent', 'default', {ad_storage: 'granted', region: ['US-CA']});
      pushConsentDefault();
      expect(win.dataLayer.map((entry) => Array.from(entry as IArguments))).to.deep.equal([
        ['consent', 'default', {ad_storage: 'granted', region: ['US-CA']}],
        ['consent', 'default', {...DENIED, wait_for_update: 500}],
      ]);
      push('consent', 'default', {ad_storage: 'denied'});
      pushConsentDefault();
      expect(win.dataLayer, 'a default for every region is kept').to.have.length(3);
    } finally {
      delete win.dataLayer;
    }
  });
});

/** An `arguments` object, as gtag pushes. */
function arguments_(...args: unknown[]): IArguments;
function arguments_(): IArguments {
  // eslint-disable-next-line prefer-rest-params
  return arguments;
}

describe('Consent Mode options', () => {
  const layer = () => ((window as Window & {dataLayer?: IArguments[]}).dataLayer ?? []).map((entry) => [...entry]);
  const sets = () => layer().filter((entry) => entry[0] === 'set');
  afterEach(() => delete (window as Window & {dataLayer?: unknown}).dataLayer);

  it('redacts ad click identifiers while ad_storage is denied, unless no-ads-data-redaction', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent google-consent-mode></cookie-consent>');
    await el.updateComplete;
    expect(layer()[0][1]).to.equal('default');
    expect(sets()).to.deep.equal([['set', 'ads_data_redaction', true]]);
    el.remove();
    delete (window as Window & {dataLayer?: unknown}).dataLayer;
    const off = await fixture<CookieConsent>(
      '<cookie-consent google-consent-mode no-ads-data-redaction></cookie-consent>'
    );
    await off.updateComplete;
    expect(off.noAdsDataRedaction).to.equal(true);
    expect(layer()[0][1]).to.equal('default');
    expect(sets()).to.deep.equal([]);
  });

  it('pushes url_passthrough with url-passthrough', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent google-consent-mode url-passthrough></cookie-consent>');
    await el.updateComplete;
    expect(el.urlPassthrough).to.equal(true);
    expect(sets()).to.deep.equal([
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
    ]);
  });

  it('pushes neither without google-consent-mode', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent url-passthrough></cookie-consent>');
    await el.updateComplete;
    el.acceptAll();
    expect(layer()).to.deep.equal([]);
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

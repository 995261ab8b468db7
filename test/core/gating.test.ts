/**
 * Gated scripts beside the element: what runs before and after a decision, after a failing
 * activation, or after a decision made by a listener.
 */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {gatedScript, resetRuns, runs} from '../support/fixtures.js';
import {captureWarningsAsync, clearCookies, emulateMediaFeatures, STEADY_MEDIA, until} from '../support/helpers.js';

beforeEach(async () => {
  clearCookies();
  resetRuns();
  await emulateMediaFeatures(STEADY_MEDIA);
});
afterEach(() => clearCookies());

describe('gating', () => {
  it('never runs what is gated on necessary alone, which needs no gating, and says so', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    const scripts = [
      gatedScript('necessary', "window.runs.push('necessary')"),
      gatedScript('necessary performance', "window.runs.push('performance')"),
    ];
    const warnings = await captureWarningsAsync(async () => {
      document.body.append(...scripts);
      el.acceptAll();
      await until(() => runs().length === 1, 'the script gated on performance');
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(runs()).to.deep.equal(['performance']);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include(
      'cookie-consent-elements: data-cookie-consent="necessary" needs one or more of performance, functionality, targeting (what is necessary needs no gating)'
    );
    for (const script of scripts) script.remove();
  });

  it('does not run a queued script whose category was withdrawn while an earlier one loaded', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    const page = document.createElement('div');
    page.append(
      gatedScript('performance', '', '/test/pages/gated.js?delay=400'),
      gatedScript('targeting', "window.runs.push('targeting')")
    );
    document.body.append(page);
    el.acceptAll();
    el.rejectAll();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(runs()).to.not.include('targeting');
    el.save({targeting: true});
    await until(() => runs().includes('targeting'), 'the script after a new grant');
    page.remove();
  });

  it('keeps going when one activation throws', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    const broken = document.createElement('img');
    broken.dataset.cookieConsent = 'performance';
    broken.dataset.src = 'x.png';
    broken.setAttribute = () => {
      throw new TypeError('refused');
    };
    document.body.append(broken, gatedScript('performance', "window.runs.push('after the broken one')"));
    const warnings = await captureWarningsAsync(async () => {
      el.acceptAll();
      await until(() => runs().length === 1, 'the next script');
    });
    expect(warnings.some((line) => line.includes('could not activate a gated element'))).to.equal(true);
    broken.remove();
  });

  it('lets the decision a listener makes take effect', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    const listener = (event: Event) => {
      if ((event as CustomEvent).detail.reason === 'accept-all') el.save({targeting: false});
    };
    document.addEventListener('cookie-consent-change', listener);
    document.body.append(gatedScript('targeting', "window.runs.push('targeting')"));
    el.acceptAll();
    document.removeEventListener('cookie-consent-change', listener);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.consent!.targeting).to.equal(false);
    expect(runs()).to.deep.equal([]);
  });
});

/** A locale file that cannot be loaded: English is shown, with one warning, and the banner works. */
import {expect, fixture} from '@open-wc/testing';
import {localeLoaders} from '../../src/generated/locale-loaders.js';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {captureWarningsAsync, clearCookies} from '../support/helpers.js';
import {harness} from '../support/harness.js';

beforeEach(() => clearCookies());

it('shows English and warns once when the locale chunk fails to load', async () => {
  localeLoaders.fi = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  let el!: CookieConsent;
  const warnings = await captureWarningsAsync(async () => {
    el = await fixture<CookieConsent>('<cookie-consent lang="fi"></cookie-consent>');
    for (let i = 0; i < 100 && !harness(el).banner; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  const banner = harness(el).banner;
  expect(banner !== null, 'the banner still shows').to.equal(true);
  expect(banner!.getAttribute('lang')).to.equal('en');
  expect(harness(el).part('accept')!.textContent!.trim()).to.equal('I agree');
  expect(warnings.filter((line) => line.startsWith('cookie-consent-elements: could not load the "fi"'))).to.have.length(
    1
  );
  el.acceptAll();
  expect(el.consent!.performance).to.equal(true);
});

it('keeps a stored decision when the locale chunk fails to load', async () => {
  const first = await fixture<CookieConsent>('<cookie-consent lang="en"></cookie-consent>');
  first.save({functionality: true});
  const stored = document.cookie;
  first.remove();
  localeLoaders.fi = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  let el!: CookieConsent;
  await captureWarningsAsync(async () => {
    el = await fixture<CookieConsent>('<cookie-consent lang="fi"></cookie-consent>');
    await el.updateComplete;
  });
  expect(el.consent!.functionality).to.equal(true);
  expect(document.cookie).to.equal(stored);
});

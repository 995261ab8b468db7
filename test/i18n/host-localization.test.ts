/**
 * An app that uses lit-localize itself and imports our npm modules: its configuration stays,
 * our elements follow its locale, and it serves our translations by loading our locale modules.
 */
import {expect, fixture} from '@open-wc/testing';
import {configureLocalization} from '@lit/localize';
import {clearCookies} from '../support/helpers.js';
import {harness} from '../support/harness.js';

// The app configures lit-localize first, as it would at start-up.
const app = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  loadLocale: () => import('../../src/generated/locales/de.js'),
});
await import('../../src/define.js');

beforeEach(() => clearCookies());

it("keeps the app's lit-localize set-up and follows its locale", async () => {
  const el = await fixture<HTMLElementTagNameMap['cookie-consent']>('<cookie-consent lang="fr"></cookie-consent>');
  const accept = () => harness(el).part('accept')?.textContent?.trim();
  // Our lit-localize runtime is a lazy chunk: once loaded, it finds the app's set-up and leaves it.
  for (let tries = 0; tries < 100 && !accept(); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(accept(), 'renders in the app locale').to.equal('I agree');
  await app.setLocale('de');
  await el.updateComplete;
  expect(app.getLocale()).to.equal('de');
  expect(accept()).to.equal('Ich stimme zu');
});

/** The JSON block of declared cookies: malformed entries and patterns are dropped with a warning, never the banner. */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {declarationsOf} from '../../src/core/site-config.js';
import {captureWarningsAsync, clearCookies, emulateMediaFeatures, STEADY_MEDIA} from '../support/helpers.js';

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

describe('the JSON block', () => {
  it('warns about a malformed declaration and keeps the valid entries', async () => {
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await fixture<CookieConsent>(`<cookie-consent><script type="application/json">
        {"cookies": {"performance": [{"name": "_ok"}, {"match": "^x"}, {"name": "_bad", "match": "("}],
                     "functionality": [{"name": "_empty", "match": ""}, {"name": "_all", "match": ".+"},
                                       {"name": "_word", "match": "\\\\w"}, {"name": "_two", "match": ".."},
                                       {"name": "_ga", "match": "^_ga"}],
                     "marketing": [{"name": "_m"}], "targeting": "_ads"}}
      </script></cookie-consent>`);
      expect(declarationsOf(el).performance.map((item) => item.name)).to.deep.equal(['_ok', '_bad']);
      // A pattern that matches almost any name is dropped: withdrawing would delete the site's cookies.
      const functionality = declarationsOf(el).functionality;
      expect(functionality.map((item) => [item.name, item.match?.source])).to.deep.equal([
        ['_empty', undefined],
        ['_all', undefined],
        ['_word', undefined],
        ['_two', undefined],
        ['_ga', '^_ga'],
      ]);
    });
    expect(warnings).to.have.length(8);
    expect(warnings.filter((line) => line.includes('matches almost any name'))).to.have.length(4);
    expect(warnings.every((line) => line.startsWith('cookie-consent-elements: '))).to.equal(true);
  });

  it('warns once about a JSON block that is not JSON, and the banner still works', async () => {
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await fixture<CookieConsent>(
        `<cookie-consent><script type="application/json">{"cookies": </script></cookie-consent>`
      );
      el.acceptAll();
      el.rejectAll();
    });
    expect(warnings.filter((line) => line.includes('not valid JSON'))).to.have.length(1);
    expect(el.consent!.performance).to.equal(false);
  });

  it('a malformed JSON block: one warning, and the banner works', async () => {
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await fixture<CookieConsent>(
        '<cookie-consent><script type="application/json">{oops</script></cookie-consent>'
      );
      el.rejectAll();
      el.acceptAll();
    });
    expect(warnings).to.have.length(1);
    expect(el.consent!.targeting).to.equal(true);
  });
});

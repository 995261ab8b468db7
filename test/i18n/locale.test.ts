/** Matching the languages a visitor or page asks for to the locales that ship. */
import {expect, fixture} from '@open-wc/testing';
import {harness} from '../support/harness.js';
import {clearCookies, until} from '../support/helpers.js';
import {direction, matchLocale} from '../../src/i18n/locale.js';
import {availableLocales} from '../../src/i18n/locale-preload.js';

describe('choosing the language', () => {
  it('follows the fallback chain to what ships', () => {
    const shipped = availableLocales();
    /** A real language we do not ship (Welsh was the sample until it shipped). */
    const unshipped = ['br', 'fy', 'oc', 'rm', 'kw'].find((code) => !shipped.includes(code)) ?? 'tlh';
    const cases: [string[], string][] = [
      [['sr-Latn-RS'], 'sr-Latn'],
      [['sr-Cyrl-BA'], 'sr-Cyrl'],
      [['sr'], 'sr-Cyrl'],
      [['pt-PT'], 'pt'],
      [['pt-BR'], 'pt-BR'],
      [['zh-TW'], 'zh-Hant'],
      [['zh-HK'], 'zh-Hant'],
      [['zh-CN'], 'zh-Hans'],
      [['zh'], 'zh-Hans'],
      [['no-NO'], 'nb'],
      [['de-AT'], 'de'],
      [['FR_ca'], 'fr'],
      [['xx', unshipped, 'it-CH'], 'it'],
      [['xx'], 'en'],
      [[], 'en'],
    ];
    for (const [requested, expected] of cases) {
      expect(matchLocale(requested, shipped), requested.join(',')).to.equal(expected);
    }
  });

  it('tells right-to-left languages from data, not from a list of the shipped ones', () => {
    for (const locale of ['ar', 'he', 'fa', 'ur', 'ps', 'ckb', 'yi', 'dv', 'az-Arab', 'ar-EG']) {
      expect(direction(locale), locale).to.equal('rtl');
    }
    for (const locale of ['en', 'de', 'sr-Latn', 'sr-Cyrl', 'zh-Hant', 'ja', 'tr', 'constructor', 'xx-YY-Latn', '']) {
      expect(direction(locale), locale).to.equal('ltr');
    }
  });
});

describe('a lang that names a property of Object.prototype', () => {
  for (const lang of ['constructor', 'constructor-DE', '__proto__', 'toString-x', 'hasOwnProperty']) {
    it(`falls back to English for lang="${lang}"`, () => {
      expect(matchLocale([lang], availableLocales())).to.equal('en');
      expect(matchLocale([lang, 'de-AT'], availableLocales())).to.equal('de');
    });
  }

  it('still shows the banner', async () => {
    clearCookies();
    await import('../../src/define.js');
    const el = await fixture<HTMLElementTagNameMap['cookie-consent']>(
      '<cookie-consent lang="constructor-DE"></cookie-consent>'
    );
    await until(() => Boolean(harness(el).part('accept')?.textContent?.trim()), 'the banner');
    expect(harness(el).part('accept')?.textContent?.trim()).to.equal('I agree');
    el.remove();
  });
});

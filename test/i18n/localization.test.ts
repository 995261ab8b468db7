/** Every shipped locale in the banner and panel, the language an element takes, live switching, RTL. */
import {expect, fixture, fixtureCleanup, html, nextFrame} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {activeLocale} from '../../src/i18n/localization.js';
import {availableLocales} from '../../src/i18n/locale-preload.js';
import {clearCookies, emulateMediaFeatures, STEADY_MEDIA, until} from '../support/helpers.js';
import {harness, ShadowHarness} from '../support/harness.js';

/** The visible texts of the banner and the open panel, one string per text node. */
function texts(el: CookieConsent): string[] {
  const found: string[] = [];
  for (const node of harness(el).textNodes()) {
    const text = node.textContent!.trim();
    if (/\p{L}/u.test(text) && !node.parentElement?.closest('[role=status]')) found.push(text);
  }
  return found;
}

async function shown(lang: string) {
  const el = await fixture<CookieConsent>(
    `<cookie-consent lang="${lang}" policy-url="/cookies.html"></cookie-consent>`
  );
  for (let i = 0; i < 50 && !harness(el).banner; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
  return el;
}

/** Elements whose text does not fit their box: clipped or overflowing. */
function overflowing(ui: ShadowHarness): string[] {
  return ui
    .queryAll('button, label, h2, p, a, [role=switch]')
    .filter((node) => node.scrollWidth > node.clientWidth + 1 || node.getBoundingClientRect().right > innerWidth + 0.5)
    .map((node) => `${node.localName}: ${node.textContent!.trim().slice(0, 40)}`);
}

let english: string[] = [];

before(async () => {
  await emulateMediaFeatures(STEADY_MEDIA);
  const el = await shown('en');
  await el.showPreferences();
  english = texts(el);
  fixtureCleanup();
});

beforeEach(() => clearCookies());
afterEach(() => setViewport({width: 1024, height: 768}));

describe('every shipped locale', () => {
  it("ships the 24 official EU languages, the region's, and the others promised", () => {
    const expected =
      'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv sq mk sr-Latn sr-Cyrl bs uk ru tr nb is ar he fa zh-Hans zh-Hant ja ko hi pt-BR';
    // More may be added (lit-localize.json lists them all); none of these may go.
    expect(availableLocales()).to.include.members(expected.split(' '));
  });

  for (const locale of availableLocales().filter((code) => code !== 'en')) {
    it(`${locale}: banner and panel in that language, lang and dir set, accessible, nothing clipped at 320 px`, async () => {
      await setViewport({width: 320, height: 640});
      const el = await shown(locale);
      const ui = harness(el);
      expect(activeLocale()).to.equal(locale);
      const banner = ui.banner!;
      expect(banner.getAttribute('lang')).to.equal(locale);
      const dir = ['ar', 'he', 'fa'].includes(locale) ? 'rtl' : 'ltr';
      expect(banner.getAttribute('dir')).to.equal(dir);
      const status = ui.status!;
      expect([status.getAttribute('lang'), status.getAttribute('dir')], 'status notice').to.deep.equal([locale, dir]);
      await el.showPreferences();
      expect(ui.part('dialog')!.getAttribute('lang')).to.equal(locale);
      const left = texts(el).filter((text) => english.includes(text));
      expect(left, 'English left').to.deep.equal([]);
      expect(overflowing(ui), 'clipped or overflowing').to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
      ui.dialog!.close();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});

describe('choosing the language', () => {
  it('takes the closest lang of the page when the element has none', async () => {
    const wrapper = await fixture<HTMLElement>('<div lang="de-CH"><cookie-consent></cookie-consent></div>');
    const el = wrapper.querySelector('cookie-consent')!;
    await until(() => harness(el).banner?.getAttribute('lang') === 'de', 'the German banner');
    expect(harness(el).part('accept')!.textContent!.trim()).to.not.equal('I agree');
  });

  it("opens a returning visitor's panel in their language from the start", async () => {
    const first = await fixture<CookieConsent>('<cookie-consent lang="en"></cookie-consent>');
    first.rejectAll();
    fixtureCleanup();
    const el = await fixture<CookieConsent>('<cookie-consent lang="de"></cookie-consent>');
    expect(harness(el).banner === null, 'no banner for a returning visitor').to.equal(true);
    await el.showPreferences();
    const dialog = harness(el).dialog!;
    expect(dialog.open).to.equal(true);
    expect(dialog.lang).to.equal('de');
    expect(dialog.querySelector('h2')!.textContent).not.to.equal('Your cookie choices');
    dialog.close();
  });

  it('switches live when its lang attribute, or <html lang>, changes', async () => {
    const el = await shown('fr');
    const ui = harness(el);
    const french = ui.part('accept')!.textContent!.trim();
    el.setAttribute('lang', 'it');
    await until(() => ui.banner?.getAttribute('lang') === 'it', 'the Italian banner');
    expect(ui.part('accept')!.textContent!.trim()).to.not.equal(french);

    el.removeAttribute('lang');
    const original = document.documentElement.lang;
    try {
      document.documentElement.lang = 'es';
      await until(() => ui.banner?.getAttribute('lang') === 'es', 'the Spanish banner');
      document.documentElement.lang = 'ar';
      await until(() => ui.banner?.getAttribute('dir') === 'rtl', 'the Arabic banner');
    } finally {
      document.documentElement.lang = original;
    }
  });

  it('mirrors the layout right-to-left: buttons and switches on the other side', async () => {
    const ltr = await shown('en');
    const ltrUi = harness(ltr);
    const ltrAccept = ltrUi.part('accept')!.getBoundingClientRect();
    const ltrReject = ltrUi.part('reject')!.getBoundingClientRect();
    expect(ltrAccept.left).to.be.below(ltrReject.left);
    await ltr.showPreferences();
    const ltrSwitch = ltrUi.switch('performance')!.getBoundingClientRect();
    const ltrLabel = ltrUi.query('label[for=switch-performance]')!.getBoundingClientRect();
    expect(ltrSwitch.left).to.be.above(ltrLabel.left);
    fixtureCleanup();

    const rtl = await shown('he');
    const rtlUi = harness(rtl);
    const rtlAccept = rtlUi.part('accept')!.getBoundingClientRect();
    const rtlReject = rtlUi.part('reject')!.getBoundingClientRect();
    expect(rtlAccept.left, 'agree is on the right').to.be.above(rtlReject.left);
    await rtl.showPreferences();
    const rtlSwitch = rtlUi.switch('performance')!.getBoundingClientRect();
    const rtlLabel = rtlUi.query('label[for=switch-performance]')!.getBoundingClientRect();
    expect(rtlSwitch.left, 'switch is on the left').to.be.below(rtlLabel.left);
  });

  it('places the box layout in the other corner right-to-left', async () => {
    const ltr = await fixture<CookieConsent>('<cookie-consent lang="en" layout="box"></cookie-consent>');
    await until(() => !!harness(ltr).banner, 'the banner');
    const ltrBox = harness(ltr).banner!.getBoundingClientRect();
    expect(ltrBox.right).to.be.above(innerWidth / 2);
    fixtureCleanup();
    const rtl = await fixture<CookieConsent>('<cookie-consent lang="ar" layout="box"></cookie-consent>');
    await until(() => harness(rtl).banner?.getAttribute('dir') === 'rtl', 'the Arabic banner');
    await nextFrame();
    const rtlBox = harness(rtl).banner!.getBoundingClientRect();
    expect(rtlBox.left).to.be.below(innerWidth / 2);
  });

  it('settles when two elements ask for two languages, instead of switching back and forth', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <cookie-consent lang="fr"></cookie-consent>
        <article lang="es"><cookie-declaration></cookie-declaration></article>
      </div>
    `);
    const el = page.querySelector('cookie-consent')!;
    const ui = harness(el);
    const declaration = page.querySelector('cookie-declaration')!;
    let updates = 0;
    const count = () => updates++;
    await until(() => !!ui.banner, 'the banner');
    el.addEventListener('cookie-consent-change', count);
    const observer = new MutationObserver(count);
    for (const root of ui.shadowRoots()) observer.observe(root, {subtree: true, characterData: true, childList: true});
    await new Promise((resolve) => setTimeout(resolve, 500));
    observer.disconnect();
    expect(updates, 'no re-rendering while idle').to.be.below(5);
    expect(ui.banner!.getAttribute('lang')).to.equal('fr');
    expect(new ShadowHarness(declaration).query('.declaration')!.getAttribute('lang')).to.equal('fr');
    fixtureCleanup();
  });
});

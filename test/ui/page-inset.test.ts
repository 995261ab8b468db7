/**
 * The room kept at the bottom of the page: the banner's final box, whatever its entry animation,
 * so a focused element at the end of a long page is never behind it (WCAG 2.4.11).
 */
import {expect, fixture, nextFrame} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {harness} from '../support/harness.js';
import {clearCookies, emulateMediaFeatures, STEADY_MEDIA, until} from '../support/helpers.js';

let page: HTMLElement;

/** Waits for the banner's first measurement, made after layout. */
const roomKept = () => until(() => document.documentElement.style.scrollPaddingBottom !== '', 'the room kept');

beforeEach(() => {
  clearCookies();
  page = document.createElement('div');
  page.innerHTML = `<main style="height: 3000px">Long text</main>
    <p><a href="#one">Second to last link</a> <a href="#two">Last link</a></p>
    <footer style="height: 4px"></footer>`;
  document.body.prepend(page);
});

afterEach(async () => {
  page.remove();
  clearCookies();
  window.scrollTo(0, 0);
  await emulateMediaFeatures(STEADY_MEDIA);
});

for (const [layout, viewport] of [
  ['bar', {width: 1280, height: 800}],
  ['bar', {width: 375, height: 667}],
  ['box', {width: 1280, height: 800}],
] as const) {
  for (const motion of ['reduce', 'no-preference']) {
    it(`keeps the last link of a long page clear of the ${layout} at ${viewport.width}px, motion ${motion}`, async () => {
      await setViewport(viewport);
      await emulateMediaFeatures([{name: 'prefers-reduced-motion', value: motion}]);
      const el = await fixture<CookieConsent>(`<cookie-consent layout="${layout}"></cookie-consent>`);
      await el.updateComplete;
      const ui = harness(el);
      if (motion === 'no-preference') expect(ui.animations().length, 'the banner slides in').to.be.above(0);
      await Promise.all(ui.animations().map((animation) => animation.finished));
      await roomKept();
      const last = page.querySelector<HTMLAnchorElement>('a[href="#two"]')!;
      last.focus();
      await nextFrame();
      const bannerTop = ui.banner!.getBoundingClientRect().top;
      expect(last.getBoundingClientRect().bottom, 'the focused link above the banner').to.be.at.most(bannerTop);
      window.scrollTo(0, document.documentElement.scrollHeight);
      await nextFrame();
      // At the very end of the page, its footer shows above the banner too.
      const footer = page.querySelector('footer')!.getBoundingClientRect();
      expect(footer.bottom).to.be.at.most(bannerTop + 0.5);
      el.remove();
    });
  }
}

it('measures again when the banner changes size', async () => {
  await setViewport({width: 1280, height: 800});
  await emulateMediaFeatures(STEADY_MEDIA);
  const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
  await el.updateComplete;
  await roomKept();
  const before = parseFloat(document.body.style.paddingBottom);
  el.style.setProperty('--cookie-consent-font-size', '200%');
  await until(() => parseFloat(document.body.style.paddingBottom) > before, 'a new measurement');
  const banner = harness(el).banner!;
  expect(parseFloat(document.documentElement.style.scrollPaddingBottom)).to.equal(Math.ceil(banner.offsetHeight));
  el.remove();
});

/**
 * The pseudo-locale en-XA (accented, 40% longer, built from the source by scripts/locales.mjs):
 * any text left unaccented bypassed msg(), and long text must not break the layout.
 */
import {expect, fixture} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {localeLoaders} from '../../src/generated/locale-loaders.js';
import {harness, ShadowHarness} from '../support/harness.js';

// Registered before any element configures lit-localize, as a shipped locale would be.
localeLoaders['en-XA'] = () => import('../generated/locales/en-XA.js');
await import('../../src/define.js');
const {clearCookies, emulateMediaFeatures, STEADY_MEDIA} = await import('../support/helpers.js');

type Element = HTMLElementTagNameMap['cookie-consent'];

/** Our own cookie's row on the policy page: its name, this host, and its lifetime as Intl words it. */
const OWN_COOKIE_DATA = new RegExp(`^(cookie_consent|${location.hostname}|\\d+ days)$`);

function unlocalized(inside: ShadowHarness): string[] {
  const found: string[] = [];
  for (const node of inside.textNodes()) {
    const text = node.textContent!.trim();
    if (/\p{L}/u.test(text) && !text.includes('⟦') && !OWN_COOKIE_DATA.test(text)) found.push(text);
  }
  return found;
}

/** Text boxes that clip their text or stick out of the viewport; wide tables scroll inside their own region. */
function overflowing(inside: ShadowHarness): string[] {
  return inside
    .queryAll('button, label, h2, h3, p, a, th, td, caption, [role=region]')
    .filter((node) => {
      const sticksOut = node.getBoundingClientRect().right > innerWidth + 0.5;
      const clipped = node.scrollWidth > node.clientWidth + 1;
      if (node.matches('[role=region]')) return sticksOut;
      return clipped || (sticksOut && !node.closest('[role=region]'));
    })
    .map((node) => `${node.localName}: ${node.textContent!.trim().slice(0, 40)}`);
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 150 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition(), 'rendered in the pseudo-locale').to.equal(true);
}

beforeEach(async () => {
  clearCookies();
  await emulateMediaFeatures(STEADY_MEDIA);
});

describe('the pseudo-locale', () => {
  for (const width of [320, 1024]) {
    it(`leaves no text unlocalized and breaks no layout at ${width} px`, async () => {
      await setViewport({width, height: 700});
      const page = await fixture<HTMLElement>(`
        <!-- The site's own texts (the declaration's provider, purpose, expiry) are marked as translated too. -->
        <div lang="en-XA">
          <cookie-consent policy-url="/cookies.html"><script type="application/json">
            {"cookies": {"performance": [{"name": "_stats", "type": "localStorage", "provider": "⟦Šţàţš⟧", "purpose": "⟦Çöûñţš⟧", "expires": "⟦1 ýéàŕ⟧"}]}}
          </script></cookie-consent>
          <cookie-consent-gate category="targeting" name="the video"><template><p>Video</p></template></cookie-consent-gate>
          <cookie-declaration></cookie-declaration>
        </div>`);
      const consent = page.querySelector('cookie-consent') as Element;
      await until(() => !!harness(consent).banner);
      await consent.showPreferences();
      consent.save({performance: true});
      await consent.showPreferences();
      for (const element of page.querySelectorAll('cookie-consent, cookie-consent-gate, cookie-declaration')) {
        const inside = new ShadowHarness(element);
        await (element as Element).updateComplete;
        expect(unlocalized(inside), `${element.localName}: text that bypassed msg()`).to.deep.equal([]);
        expect(overflowing(inside), `${element.localName}: clipped or overflowing`).to.deep.equal([]);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
    });
  }
});

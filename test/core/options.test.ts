/**
 * What a page configures <cookie-consent> with: a bad attribute gives one prefixed warning and a
 * safe default, an unsafe URL is dropped, and texts and URLs from the page are rendered as text.
 */
import {expect, fixture, fixtureCleanup, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {consentFixture} from '../support/fixtures.js';
import {harness, ShadowHarness} from '../support/harness.js';
import {
  browserCookies,
  captureWarningsAsync,
  clearCookies,
  emulateMediaFeatures,
  STEADY_MEDIA,
  until,
} from '../support/helpers.js';

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => clearCookies());

describe('broken configuration', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown categories', 'categories="performance marketing"', /unknown category "marketing"/],
    ['negative expires-days', 'expires-days="-3"', /expires-days must be a positive number/],
    ['non-numeric expires-days', 'expires-days="soon"', /expires-days must be a positive number/],
    ['an unknown layout', 'layout="sideways"', /layout="sideways"/],
    ['an invalid cookie name', 'cookie-name="a b"', /cookie-name="a b"/],
  ];
  for (const [what, attributes, message] of cases) {
    it(`${what}: one prefixed warning, a safe default, a working banner`, async () => {
      let el!: CookieConsent;
      const warnings = await captureWarningsAsync(async () => {
        el = await fixture<CookieConsent>(`<cookie-consent ${attributes}></cookie-consent>`);
        await el.updateComplete;
        // Updating again (another attribute changes) warns of nothing new.
        el.theme = 'light';
        await el.updateComplete;
      });
      expect(warnings, warnings.join('\n')).to.have.length(1);
      expect(warnings[0]).to.match(/^cookie-consent-elements: /);
      expect(warnings[0]).to.match(message);
      expect(harness(el).banner !== null).to.equal(true);
      harness(el).click('accept');
      expect(el.consent!.performance).to.equal(true);
    });
  }

  it('falls back to safe defaults for bad attributes, with prefixed warnings', async () => {
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await consentFixture(
        'expires-days="-3" cookie-name="bad name;" layout="sideways" cookie-domain=".elsewhere.example"'
      );
    });
    expect(warnings.length).to.be.at.least(4);
    expect(warnings.every((line) => line.startsWith('cookie-consent-elements: '))).to.equal(true);
    el.rejectAll();
    const cookie = (await browserCookies()).find((c) => c.name === 'cookie_consent' && c.path === '/')!;
    expect((cookie.expires * 1000 - Date.now()) / 86400000).to.be.within(181.9, 182.1);
    expect(cookie.domain).to.equal(location.hostname);
  });
});

describe('an unsafe policy-url', () => {
  for (const url of [
    'javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<b>x</b>',
    ' JAVASCRIPT:alert(1)',
  ]) {
    it(`drops an unsafe policy-url (${JSON.stringify(url)}) with a warning`, async () => {
      const el = document.createElement('cookie-consent');
      el.setAttribute('policy-url', url);
      const warnings = await captureWarningsAsync(async () => {
        document.body.append(el);
        await el.updateComplete;
      });
      expect(harness(el).part('policy-link')).to.equal(null);
      expect(warnings.some((line) => line.startsWith('cookie-consent-elements: policy-url='))).to.equal(true);
      el.remove();
    });
  }

  it('says once that a policy-url is unsafe, however often it renders', async () => {
    const el = document.createElement('cookie-consent');
    el.setAttribute('policy-url', 'javascript:void(0)');
    const warnings = await captureWarningsAsync(async () => {
      document.body.append(el);
      await el.updateComplete;
      await el.showPreferences();
      harness(el).dialog!.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
    });
    expect(warnings.filter((line) => line.includes('policy-url='))).to.have.length(1);
    el.remove();
  });
});

describe('payloads are rendered as text, never as HTML', () => {
  const payloads = [
    '<img src=x onerror="window.pwned=1">',
    '"><script>window.pwned=1</script>',
    'javascript:window.pwned=1',
    '<svg onload="window.pwned=1"></svg>',
    '{{constructor.constructor("window.pwned=1")()}}',
  ];

  it('in the JSON block, the gate name, policy-url and log-endpoint', async () => {
    // The gate and declaration texts must show each payload literally.
    const window_ = window as Window & {pwned?: number};
    for (const payload of payloads) {
      fixtureCleanup();
      clearCookies();
      const entry = {name: payload, match: '^x', provider: payload, purpose: payload, expires: payload};
      const warnings = await captureWarningsAsync(async () => {
        const page = await fixture<HTMLElement>(html`
          <div>
            <!-- Only a javascript: endpoint: a relative one is valid, and would be posted to. -->
            <cookie-consent policy-url=${payload} log-endpoint=${payload.startsWith('javascript:') ? payload : ''}>
              <script type="application/json">
                ${JSON.stringify({cookies: {performance: [entry], targeting: [entry]}})}
              </script>
            </cookie-consent>
            <cookie-consent-gate category="targeting" name=${payload}
              ><template><p>ok</p></template></cookie-consent-gate
            >
            <cookie-declaration></cookie-declaration>
          </div>
        `);
        const consent = page.querySelector('cookie-consent')!;
        await consent.updateComplete;
        await consent.showPreferences();
        consent.save({performance: true});
        for (const element of page.querySelectorAll('cookie-consent, cookie-consent-gate, cookie-declaration')) {
          await (element as CookieConsent).updateComplete;
          const inside = new ShadowHarness(element);
          expect(inside.queryAll('img, script, svg[onload], [onerror], [onload]').length, payload).to.equal(0);
          for (const link of inside.queryAll<HTMLAnchorElement>('a')) expect(link.protocol).to.match(/^https?:$/);
        }
        // The gate and the declaration render once the site's configuration chunk is here.
        const declaration = new ShadowHarness(page.querySelector('cookie-declaration')!);
        const gate = new ShadowHarness(page.querySelector('cookie-consent-gate')!);
        await until(() => declaration.text.includes(payload) && gate.text.includes(payload), 'the payload as text');
        for (const element of page.querySelectorAll('cookie-consent-gate, cookie-declaration')) {
          expect(new ShadowHarness(element).queryAll('img, script, [onerror], [onload]').length, payload).to.equal(0);
        }
      });
      expect(warnings.every((line) => line.startsWith('cookie-consent-elements: '))).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(window_.pwned, payload).to.equal(undefined);
    }
  });
});

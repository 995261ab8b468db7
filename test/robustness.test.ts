/**
 * Bad input and hostile conditions: the parser fuzzed, payloads rendered as text, broken config,
 * a stored decision that nothing but the visitor may change, blocked cookies, a second element.
 */
import {expect, fixture, fixtureCleanup, html} from '@open-wc/testing';
import fc from 'fast-check';
import '../src/define.js';
import type {CookieConsent} from '../src/cookie-consent.js';
import {
  OPTIONAL_CATEGORIES,
  parseDecision,
  randomConsentId,
  serializeDecision,
  type Decision,
} from '../src/core/store.js';
import {cookieValues} from './cookie-values.js';
import {
  captureWarnings,
  captureWarningsAsync,
  clearCookies,
  disableCookies,
  emulateMediaFeatures,
  STEADY_MEDIA,
} from './helpers.js';
import {harness, ShadowHarness} from './support/harness.js';

const DAY = 86400000;
const NOW = Date.UTC(2026, 10, 27, 12);
const REVISION = '3';
const EXPIRES_DAYS = 30;

const storedValue = () => document.cookie.match(/(?:^|; )cookie_consent=([^;]*)/)?.[1];

beforeEach(async () => {
  clearCookies();
  await emulateMediaFeatures(STEADY_MEDIA);
});
afterEach(() => clearCookies());

describe('the cookie parser, fuzzed', () => {
  const context = {revision: REVISION, expiresDays: EXPIRES_DAYS, now: NOW};
  const {validRecord, anyValue} = cookieValues({revision: REVISION, expiresDays: EXPIRES_DAYS, now: NOW});

  it('never throws, and never grants what the value does not grant, for this revision and in date', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyValue, (raw) => {
        const result = parseDecision(raw, context);
        if (typeof result === 'string') return;
        accepted++;
        const data = JSON.parse(raw);
        expect(data.rev).to.equal(REVISION);
        expect(data.at).to.be.within(NOW - EXPIRES_DAYS * DAY, NOW + DAY);
        for (const category of OPTIONAL_CATEGORIES) {
          if (result.consent[category]) expect(data.granted, category).to.include(category);
        }
        expect(result.consent.necessary).to.equal(true);
      }),
      {numRuns: 10000, seed: 20261127}
    );
    expect(accepted, 'some generated values are valid decisions').to.be.above(100);
  });

  it('refuses every decision made under another revision or out of date', () => {
    fc.assert(
      fc.property(
        validRecord,
        fc.oneof(
          fc
            .string()
            .filter((rev) => rev !== REVISION)
            .map((rev) => ({rev})),
          fc.integer({min: 0, max: NOW - EXPIRES_DAYS * DAY - 1}).map((at) => ({at})),
          fc.integer({min: NOW + DAY + 1, max: Number.MAX_SAFE_INTEGER}).map((at) => ({at}))
        ),
        (record, change) => {
          expect(parseDecision(JSON.stringify({...record, ...change}), context)).to.be.a('string');
        }
      ),
      {numRuns: 2000, seed: 27112026}
    );
  });

  it('reads back every decision it writes', () => {
    fc.assert(
      fc.property(validRecord, (record) => {
        const decision = parseDecision(JSON.stringify(record), context) as Decision;
        expect(parseDecision(serializeDecision(decision), context)).to.deep.equal(decision);
      }),
      {numRuns: 500, seed: 1}
    );
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
        const declaration = new ShadowHarness(page.querySelector('cookie-declaration')!);
        expect(declaration.text).to.include(payload);
        const gateText = new ShadowHarness(page.querySelector('cookie-consent-gate')!).text;
        expect(gateText).to.include(payload);
      });
      expect(warnings.every((line) => line.startsWith('cookie-consent-elements: '))).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(window_.pwned, payload).to.equal(undefined);
    }
  });
});

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
        el.requestUpdate();
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

  it('a second <cookie-consent>: one warning; it shows nothing and passes calls to the first', async () => {
    let page!: HTMLElement;
    const warnings = await captureWarningsAsync(async () => {
      page = await fixture<HTMLElement>(
        '<div><cookie-consent></cookie-consent><cookie-consent></cookie-consent></div>'
      );
    });
    const [first, second] = page.querySelectorAll('cookie-consent');
    await second.updateComplete;
    expect(warnings.filter((line) => line.includes('more than one <cookie-consent>'))).to.have.length(1);
    expect(harness(second).banner === null).to.equal(true);
    expect(harness(first).banner !== null).to.equal(true);
    let events = 0;
    document.addEventListener('cookie-consent-change', () => events++);
    second.acceptAll();
    expect(events).to.equal(1);
    expect(first.consent!.targeting).to.equal(true);
    expect(second.consent).to.deep.equal(first.consent);
  });
});

/** Writes a decision into the cookie `name` as another tab of the site would, granting `granted`. */
function decideElsewhere(name: string, granted: Partial<Decision['consent']>): Decision {
  const decision: Decision = {
    consent: {necessary: true, performance: false, functionality: false, targeting: false, ...granted},
    revision: '1',
    decidedAt: Date.now(),
    consentId: randomConsentId(),
  };
  document.cookie = `${name}=${encodeURIComponent(serializeDecision(decision))}; path=/`;
  return decision;
}

describe('nothing lost', () => {
  async function decided() {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    el.save({performance: true});
    const value = storedValue();
    fixtureCleanup();
    return value;
  }

  for (const [what, markup] of [
    ['unknown categories', '<cookie-consent categories="performance nonsense"></cookie-consent>'],
    ['bad expires-days', '<cookie-consent expires-days="never"></cookie-consent>'],
    ['a malformed JSON block', '<cookie-consent><script type="application/json">[</script></cookie-consent>'],
    ['a locale that does not ship', '<cookie-consent lang="tlh"></cookie-consent>'],
    ['a failing log endpoint', '<cookie-consent log-endpoint="javascript:alert(1)"></cookie-consent>'],
  ] as const) {
    it(`keeps a valid stored decision despite ${what}`, async () => {
      const value = await decided();
      let el!: CookieConsent;
      await captureWarningsAsync(async () => {
        el = await fixture<CookieConsent>(markup);
        await el.updateComplete;
      });
      expect(el.consent!.performance).to.equal(true);
      expect(storedValue()).to.equal(value);
    });
  }

  it('keeps it when the page sets cookies of its own, even a look-alike', async () => {
    const value = await decided();
    document.cookie = 'cookie_consent_backup=1; path=/';
    document.cookie = 'session=abc; path=/';
    document.cookie = `cookie_consent=${encodeURIComponent('{"hacked":true}')}; path=/elsewhere`;
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    expect(el.consent!.performance).to.equal(true);
    expect(storedValue()).to.equal(value);
    document.cookie = 'cookie_consent=; path=/elsewhere; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('reads the cookie again when put back in the page, for a decision made elsewhere meanwhile', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    await el.updateComplete;
    const parent = el.parentElement!;
    el.remove();
    // Another tab decides while this element is out of the page, with no channel open to hear it.
    decideElsewhere('cookie_consent', {performance: true});
    const reasons: string[] = [];
    el.addEventListener('cookie-consent-change', (event) => reasons.push((event as CustomEvent).detail.reason));
    parent.append(el);
    await el.updateComplete;
    expect(reasons).to.deep.equal(['sync']);
    expect(el.consent!.performance).to.equal(true);
    expect(harness(el).banner, 'banner gone').to.equal(null);
  });

  it('hears other tabs on the channel of its cookie, also when cookie-name is set after it connected', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    el.cookieName = 'site_consent';
    await el.updateComplete;
    const decision = decideElsewhere('site_consent', {functionality: true});
    const reasons: string[] = [];
    el.addEventListener('cookie-consent-change', (event) => reasons.push((event as CustomEvent).detail.reason));
    const otherTab = new BroadcastChannel('cookie-consent-elements:site_consent');
    otherTab.postMessage(decision.consentId);
    otherTab.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reasons).to.deep.equal(['sync']);
    expect(el.consent!.functionality).to.equal(true);
    document.cookie = 'site_consent=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });
});

describe('a hostile environment', () => {
  it('holds the decision for the page when cookies are blocked, with a warning', async () => {
    await disableCookies(true);
    try {
      const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
      const warnings = captureWarnings(() => el.acceptAll());
      expect(warnings.filter((line) => line.includes('did not keep the consent cookie'))).to.have.length(1);
      expect(el.consent!.targeting).to.equal(true);
      await el.updateComplete;
      expect(harness(el).banner === null, 'banner gone for this page').to.equal(true);
      // The cookie is read again when another tab says it decided: that must not undo it.
      let resets = 0;
      el.addEventListener('cookie-consent-reset', () => resets++);
      const otherTab = new BroadcastChannel('cookie-consent-elements:cookie_consent');
      otherTab.postMessage('another id');
      otherTab.close();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(resets).to.equal(0);
      expect(el.consent!.targeting).to.equal(true);
    } finally {
      await disableCookies(false);
    }
  });

  it('works when BroadcastChannel and localStorage throw', async () => {
    const channel = window.BroadcastChannel;
    const storage = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    window.BroadcastChannel = class {
      constructor() {
        throw new DOMException('blocked', 'SecurityError');
      }
    } as unknown as typeof BroadcastChannel;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      let el!: CookieConsent;
      const warnings = await captureWarningsAsync(async () => {
        el = await fixture<CookieConsent>(`<cookie-consent><script type="application/json">
          {"cookies": {"performance": [{"name": "k", "type": "localStorage"}]}}</script></cookie-consent>`);
        el.acceptAll();
        el.rejectAll();
      });
      expect(el.consent!.performance).to.equal(false);
      expect(warnings.every((line) => line.startsWith('cookie-consent-elements: '))).to.equal(true);
    } finally {
      window.BroadcastChannel = channel;
      Object.defineProperty(window, 'localStorage', storage);
    }
  });

  it('adds no duplicate listeners, observers or activations when removed and added again', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <cookie-consent></cookie-consent>
        <a href="#" data-cookie-preferences>Cookie Management</a>
      </div>
    `);
    const el = page.querySelector('cookie-consent')!;
    const window_ = window as Window & {runs?: number};
    window_.runs = 0;
    el.acceptAll();
    for (let i = 0; i < 3; i++) {
      el.remove();
      page.prepend(el);
    }
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.cookieConsent = 'performance';
    script.text = 'window.runs++';
    page.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window_.runs, 'gated script ran once').to.equal(1);
    let events = 0;
    document.addEventListener('cookie-consent-change', () => events++);
    el.rejectAll();
    expect(events, 'one event per decision').to.equal(1);
    page.querySelector<HTMLElement>('[data-cookie-preferences]')!.click();
    await el.updateComplete;
    expect(harness(el).queryAll('dialog')).to.have.length(1);
    delete window_.runs;
  });
});

/**
 * The decision as <cookie-consent> stores it: the cookie it writes and reads back, a returning
 * visitor, a new revision or a tampered cookie, and a valid decision that nothing but the visitor
 * changes (bad config, a failed locale, the page's own cookies, blocked cookies, other tabs).
 */
import {expect, fixture, fixtureCleanup} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import type {CookieConsentChangeEvent} from '../../src/core/events.js';
import {randomConsentId, serializeDecision, type Decision} from '../../src/core/store.js';
import {consentFixture, storedCookie} from '../support/fixtures.js';
import {harness} from '../support/harness.js';
import {
  browserCookies,
  captureWarnings,
  captureWarningsAsync,
  clearCookies,
  disableCookies,
  emulateMediaFeatures,
  STEADY_MEDIA,
} from '../support/helpers.js';

const storedValue = () => document.cookie.match(/(?:^|; )cookie_consent=([^;]*)/)?.[1];

/** Writes a decision into the cookie `name` as another tab of the site would, granting `granted`. */
function decideElsewhere(name: string, granted: Partial<Decision['consent']>): Decision {
  const decision: Decision = {
    consent: {necessary: true, performance: false, functionality: false, targeting: false, ...granted},
    revision: '1',
    decidedAt: Date.now(),
    consentId: randomConsentId(),
    gpcGrant: false,
  };
  document.cookie = `${name}=${encodeURIComponent(serializeDecision(decision))}; path=/`;
  return decision;
}

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => clearCookies());

describe('the stored decision', () => {
  it('writes the cookie as specified: SameSite=Lax, path /, expiring after expires-days', async () => {
    const el = await consentFixture('expires-days="30" cookie-name="site_consent"');
    el.rejectAll();
    const cookie = (await browserCookies()).find((c) => c.name === 'site_consent')!;
    expect(cookie, 'cookie').to.not.equal(undefined);
    expect(cookie.sameSite).to.equal('Lax');
    expect(cookie.path).to.equal('/');
    expect(cookie.secure).to.equal(false); // the test page is served over http
    const days = (cookie.expires * 1000 - Date.now()) / 86400000;
    expect(days).to.be.within(29.9, 30.1);
    expect(storedCookie('cookie_consent')).to.equal(undefined);
  });

  it('reads back a decision stored under a cookie name that needs encoding', async () => {
    const first = await consentFixture('cookie-name="site%consent"');
    first.save({functionality: true});
    first.remove();
    const el = await consentFixture('cookie-name="site%consent"');
    expect(harness(el).banner === null, 'no banner: the decision was found').to.equal(true);
    expect(el.consent!.functionality).to.equal(true);
    document.cookie = 'site%25consent=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('shows nothing and fires "stored" when a valid decision is stored', async () => {
    const first = await consentFixture();
    first.save({performance: true});
    first.remove();

    const events: CookieConsentChangeEvent[] = [];
    const listener = (event: CookieConsentChangeEvent) => events.push(event);
    document.addEventListener('cookie-consent-change', listener);
    const el = await consentFixture();
    document.removeEventListener('cookie-consent-change', listener);
    expect(harness(el).banner === null, 'removed').to.equal(true);
    expect(events).to.have.length(1);
    expect(events[0].detail.reason).to.equal('stored');
    expect(events[0].detail.consent).to.deep.equal({
      necessary: true,
      performance: true,
      functionality: false,
      targeting: false,
    });
    expect(events[0].detail.changed).to.deep.equal(['performance']);
    expect(el.consent).to.deep.equal(events[0].detail.consent);
  });

  it("has a returning visitor's decision in consent as soon as it is in the page, as a React effect reads it", async () => {
    const first = await consentFixture();
    first.acceptAll();
    first.remove();
    const el = document.createElement('cookie-consent');
    document.body.append(el);
    expect(el.consent?.performance).to.equal(true);
    el.remove();
  });

  it('asks again when the revision changes', async () => {
    const first = await consentFixture('revision="2026-01"');
    first.acceptAll();
    first.remove();
    const same = await consentFixture('revision="2026-01"');
    expect(harness(same).banner === null, 'removed').to.equal(true);
    same.setAttribute('revision', '2026-06');
    await same.updateComplete;
    expect(same.consent).to.equal(null);
    expect(harness(same).banner !== null, 'present').to.equal(true);
  });

  it('asks again, with one prefixed warning and no exception, when the cookie was tampered with', async () => {
    document.cookie = `cookie_consent=${encodeURIComponent('{"v":1,"granted":["targeting"]}')}; path=/`;
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await consentFixture();
    });
    expect(el.consent).to.equal(null);
    expect(harness(el).banner !== null, 'present').to.equal(true);
    expect(warnings.filter((line) => line.startsWith('cookie-consent-elements: ignoring the stored'))).to.have.length(
      1
    );
  });
});

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
});

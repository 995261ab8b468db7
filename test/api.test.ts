/** The public API of <cookie-consent>: methods, reflected properties, and one element in charge of the page. */
import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../src/define.js';
import type {CookieConsent} from '../src/cookie-consent.js';
import type {CookieConsentChangeEvent} from '../src/core/events.js';
import {consentFixture, storedCookie} from './support/fixtures.js';
import {harness} from './support/harness.js';
import {
  captureWarnings,
  captureWarningsAsync,
  clearCookies,
  emulateMediaFeatures,
  STEADY_MEDIA,
} from './support/helpers.js';

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => clearCookies());

describe('<cookie-consent> API', () => {
  it('acceptAll(), rejectAll() and save() decide with their reasons; consent follows', async () => {
    const el = await consentFixture();
    const reasons: string[] = [];
    const listener = (event: CookieConsentChangeEvent) => reasons.push(event.detail.reason);
    document.addEventListener('cookie-consent-change', listener);
    el.acceptAll();
    el.rejectAll();
    el.save({targeting: true});
    document.removeEventListener('cookie-consent-change', listener);
    expect(reasons).to.deep.equal(['accept-all', 'reject-all', 'api']);
    expect(el.consent).to.deep.equal({necessary: true, performance: false, functionality: false, targeting: true});
  });

  it('reflects its properties to attributes, and keeps a property set before the element was defined', async () => {
    const el = await consentFixture();
    el.layout = 'box';
    el.googleConsentMode = true;
    el.expiresDays = 30;
    expect(el.getAttribute('layout')).to.equal('box');
    expect(el.hasAttribute('google-consent-mode')).to.equal(true);
    expect(el.getAttribute('expires-days')).to.equal('30');
    el.googleConsentMode = false;
    expect(el.hasAttribute('google-consent-mode')).to.equal(false);
    el.setAttribute('categories', 'performance');
    expect(el.categories).to.equal('performance');
    expect(el.cookieName).to.equal('cookie_consent');

    // An undefined element with an own property, as a framework may set it before the bundle loads.
    const early = document.createElement('cookie-consent-early') as unknown as CookieConsent;
    (early as unknown as {policyUrl: string}).policyUrl = '/early.html';
    class Early extends (customElements.get('cookie-consent') as typeof CookieConsent) {}
    document.body.append(early);
    customElements.define('cookie-consent-early', Early);
    expect(early.getAttribute('policy-url')).to.equal('/early.html');
    expect(early.policyUrl).to.equal('/early.html');
    early.remove();
  });

  it('save() ignores what is not a boolean for a known category, with a warning', async () => {
    const el = await consentFixture();
    const warnings = captureWarnings(() =>
      el.save({performance: 'yes', functionality: true, necessary: false} as unknown as Parameters<
        CookieConsent['save']
      >[0])
    );
    expect(warnings).to.have.length(2);
    expect(el.consent).to.deep.equal({necessary: true, performance: false, functionality: true, targeting: false});
  });

  it('reset() forgets the decision and shows the banner again', async () => {
    const el = await consentFixture();
    el.acceptAll();
    await el.updateComplete;
    el.reset();
    await el.updateComplete;
    expect(el.consent).to.equal(null);
    expect(storedCookie()).to.equal(undefined);
    expect(harness(el).banner !== null, 'present').to.equal(true);
  });
});

describe('elements coming and going', () => {
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

  it('lets a duplicate take over when the first element is removed', async () => {
    const page = await fixture<HTMLElement>('<div><cookie-consent></cookie-consent></div>');
    const first = page.querySelector('cookie-consent')!;
    const second = document.createElement('cookie-consent');
    await captureWarningsAsync(async () => {
      page.append(second);
      await second.updateComplete;
    });
    first.remove();
    await second.updateComplete;
    expect(second.consent).to.equal(null);
    expect(harness(second).banner !== null, 'the banner moves over').to.equal(true);
    second.acceptAll();
    expect(second.consent!.performance).to.equal(true);
  });

  it('keeps the running element in charge when a new one is inserted before it', async () => {
    const page = await fixture<HTMLElement>('<div><cookie-consent></cookie-consent></div>');
    const running = page.querySelector('cookie-consent')!;
    const newcomer = document.createElement('cookie-consent');
    const warnings = await captureWarningsAsync(async () => {
      page.prepend(newcomer);
      await newcomer.updateComplete;
    });
    expect(warnings.filter((line) => line.includes('more than one <cookie-consent>'))).to.have.length(1);
    expect(harness(newcomer).banner === null, 'the newcomer shows nothing').to.equal(true);
    expect(harness(running).banner !== null).to.equal(true);
    let events = 0;
    const count = () => events++;
    document.addEventListener('cookie-consent-change', count);
    newcomer.acceptAll();
    document.removeEventListener('cookie-consent-change', count);
    expect(events, 'one decision, one event').to.equal(1);
    expect(running.consent!.performance).to.equal(true);
  });

  it('throws nothing when removed right after a change', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    el.acceptAll();
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    el.reset();
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(document.body.style.paddingBottom).to.equal('');
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

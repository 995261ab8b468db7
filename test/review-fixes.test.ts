/** Regressions found in review: resets, races, duplicates, languages, and failures that must stay contained. */
import {expect, fixture, fixtureCleanup, html} from '@open-wc/testing';
import '../src/define.js';
import type {CookieConsent} from '../src/cookie-consent.js';
import {captureWarningsAsync, clearCookies, emulateMediaFeatures, STEADY_MEDIA} from './helpers.js';
import {SiteFrame, until} from './site-frame.js';
import {harness, ShadowHarness} from './support/harness.js';

type RunWindow = Window & {runs?: string[]};
const runs = () => ((window as RunWindow).runs ??= []);

function gatedScript(category: string, code: string, src?: string) {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.cookieConsent = category;
  if (src) script.src = src;
  else script.text = code;
  return script;
}

beforeEach(async () => {
  clearCookies();
  (window as RunWindow).runs = [];
  await emulateMediaFeatures(STEADY_MEDIA);
});
afterEach(() => clearCookies());

describe('after reset()', () => {
  it('activates nothing optional any more, and Consent Mode is told everything is denied', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent google-consent-mode></cookie-consent>');
    const layer = () => ((window as Window & {dataLayer?: IArguments[]}).dataLayer ?? []).map((entry) => [...entry]);
    el.acceptAll();
    el.reset();
    const last = layer().at(-1)!;
    expect(last[1]).to.equal('update');
    expect((last[2] as Record<string, string>).ad_storage).to.equal('denied');
    document.body.append(gatedScript('targeting', "window.runs.push('after reset')"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs()).to.deep.equal([]);
    delete (window as Window & {dataLayer?: unknown}).dataLayer;
  });
});

describe('gating', () => {
  it('runs what is gated on necessary before any decision', async () => {
    await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    document.body.append(gatedScript('necessary', "window.runs.push('necessary')"));
    await until(() => runs().length === 1, 'the necessary script');
  });

  it('does not run a queued script whose category was withdrawn while an earlier one loaded', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    const page = document.createElement('div');
    page.append(
      gatedScript('performance', '', '/test/pages/gated.js?delay=400'),
      gatedScript('targeting', "window.runs.push('targeting')")
    );
    document.body.append(page);
    el.acceptAll();
    el.rejectAll();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(runs()).to.not.include('targeting');
    el.save({targeting: true});
    await until(() => runs().includes('targeting'), 'the script after a new grant');
    page.remove();
  });

  it('keeps going when one activation throws', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    const broken = document.createElement('img');
    broken.dataset.cookieConsent = 'performance';
    broken.dataset.src = 'x.png';
    broken.setAttribute = () => {
      throw new TypeError('refused');
    };
    document.body.append(broken, gatedScript('performance', "window.runs.push('after the broken one')"));
    const warnings = await captureWarningsAsync(async () => {
      el.acceptAll();
      await until(() => runs().length === 1, 'the next script');
    });
    expect(warnings.some((line) => line.includes('could not activate a gated element'))).to.equal(true);
    broken.remove();
  });

  it('never deletes its own decision cookie, even when a declared pattern matches it', async () => {
    const el = await fixture<CookieConsent>(`<cookie-consent><script type="application/json">
      {"cookies": {"targeting": [{"name": "euconsent-v2", "match": "consent"}]}}</script></cookie-consent>`);
    el.rejectAll();
    expect(document.cookie).to.include('cookie_consent=');
  });
});

describe('decisions made inside listeners, and GPC', () => {
  it('lets the decision a listener makes take effect', async () => {
    const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
    const listener = (event: Event) => {
      if ((event as CustomEvent).detail.reason === 'accept-all') el.save({targeting: false});
    };
    document.addEventListener('cookie-consent-change', listener);
    document.body.append(gatedScript('targeting', "window.runs.push('targeting')"));
    el.acceptAll();
    document.removeEventListener('cookie-consent-change', listener);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.consent!.targeting).to.equal(false);
    expect(runs()).to.deep.equal([]);
  });

  it('keeps a targeting grant the visitor made themselves when they later accept all under GPC', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', {value: true, configurable: true});
    try {
      const el = await fixture<CookieConsent>('<cookie-consent></cookie-consent>');
      el.save({targeting: true});
      el.acceptAll();
      expect(el.consent!.targeting).to.equal(true);
    } finally {
      Object.defineProperty(navigator, 'globalPrivacyControl', {value: undefined, configurable: true});
    }
  });
});

describe('elements coming and going', () => {
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

describe('a decision made before the page finished parsing', () => {
  it('is not followed by a second, "stored" event', async () => {
    const site = new SiteFrame();
    try {
      const loaded = site.loaded();
      site.frame.src = '/test/pages/slow-parse.html';
      await until(() => !!site.ui.part('accept'), 'the banner', 5000);
      site.ui.click('accept');
      await loaded;
      expect(site.win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['accept-all']);
    } finally {
      site.remove();
    }
  });
});

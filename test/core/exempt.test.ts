/**
 * The UK's exemptions (`exempt="performance functionality"`): those categories run until the
 * visitor objects, the banner says so, and a signal or an objection always wins.
 */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import type {CookieConsentChangeEvent} from '../../src/core/events.js';
import {DECLARATION, gatedScript, resetRuns, runs, setGpc} from '../support/fixtures.js';
import {harness} from '../support/harness.js';
import {captureWarnings, clearCookies, emulateMediaFeatures, STEADY_MEDIA, until} from '../support/helpers.js';
import {makeStore} from '../support/store.js';
import {DENIED} from '../support/consent-mode.js';

type LayerWindow = Window & {dataLayer?: IArguments[]};

beforeEach(async () => {
  clearCookies();
  resetRuns();
  await emulateMediaFeatures(STEADY_MEDIA);
});
afterEach(() => {
  clearCookies();
  setGpc(undefined);
  delete (window as LayerWindow).dataLayer;
});

/** A page with `<cookie-consent attributes>`, the declaration block, and a script gated on performance. */
async function exemptPage(attributes = 'exempt="performance functionality"') {
  const page = await fixture<HTMLElement>(`<div><cookie-consent ${attributes}>${DECLARATION}</cookie-consent></div>`);
  page.append(gatedScript('performance', "window.runs.push('stats')"));
  const el = page.querySelector('cookie-consent') as CookieConsent;
  await el.updateComplete;
  return el;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

describe('exempt', () => {
  it('in the store: grants the exempt categories while undecided, and an objection withdraws them', () => {
    const {store} = makeStore({exempt: ['performance']});
    expect(store.decision).to.equal(null);
    expect(store.consent).to.deep.equal({necessary: true, performance: true, functionality: false, targeting: false});
    expect(store.exempted).to.deep.equal(['performance']);
    const detail = store.rejectAll();
    expect(detail.changed).to.deep.equal(['performance']);
    expect(store.consent!.performance).to.equal(false);
    expect(store.exempted).to.deep.equal([]);
  });

  it('runs what is gated on an exempt category before any decision, and the banner says so', async () => {
    const el = await exemptPage();
    await until(() => runs().length === 1, 'the script gated on performance');
    expect(el.consent).to.deep.equal({necessary: true, performance: true, functionality: true, targeting: false});
    const ui = harness(el);
    expect(ui.banner, 'the banner still shows').to.not.equal(null);
    const [asked, exempt] = ui.parts('purposes');
    expect(text(asked)).to.equal('personalised advertising');
    expect([...exempt.querySelectorAll('li')].map(text)).to.deep.equal([
      'measuring visits',
      'remembering your settings',
    ]);
    expect(text(ui.part('exempt-note'))).to.equal(
      'The law allows this without your consent, but you can object: refusing turns these off too.'
    );
    await expect(el).to.be.accessible();
  });

  it('takes one click to object: refusing turns the exempt categories off and deletes their cookies', async () => {
    document.cookie = '_stats_1=1; path=/';
    const el = await exemptPage();
    const events: CookieConsentChangeEvent[] = [];
    el.addEventListener('cookie-consent-change', (event) => events.push(event));
    harness(el).click('reject');
    expect(el.consent).to.deep.equal({necessary: true, performance: false, functionality: false, targeting: false});
    expect(events[0].detail.changed).to.deep.equal(['performance', 'functionality']);
    await until(() => !document.cookie.includes('_stats_1'), 'the performance cookie deleted');
  });

  it('is void after an objection, under a Global Privacy Control signal, and for targeting', async () => {
    let el = await exemptPage();
    harness(el).click('reject');
    el.remove();
    el = await exemptPage();
    expect(el.consent!.performance, 'the stored objection').to.equal(false);
    expect(harness(el).part('exempt-note')).to.equal(null);
    el.remove();

    clearCookies();
    setGpc(true);
    el = await exemptPage();
    expect(el.consent, 'under GPC').to.equal(null);
    expect(harness(el).part('exempt-note')).to.equal(null);
    el.remove();
    setGpc(undefined);

    let page: CookieConsent | undefined;
    const warnings = captureWarnings(() => {
      page = document.createElement('cookie-consent') as CookieConsent;
      page.setAttribute('exempt', 'targeting performance');
      document.body.append(page);
    });
    expect(page!.consent).to.deep.equal({necessary: true, performance: true, functionality: false, targeting: false});
    expect(warnings).to.deep.equal([
      'cookie-consent-elements: exempt="targeting performance": only performance and functionality, when offered, can be used without consent.',
    ]);
    page!.remove();
  });

  it('tells Consent Mode what is exempt, and the decision record lists it', async () => {
    const sent: string[] = [];
    const original = navigator.sendBeacon;
    navigator.sendBeacon = (_url: string | URL, body?: BodyInit | null) => sent.push(String(body)) > 0;
    try {
      const el = await exemptPage('exempt="performance" google-consent-mode log-endpoint="/log"');
      const layer = () => ((window as LayerWindow).dataLayer ?? []).map((entry) => Array.from(entry));
      await until(() => layer().some((entry) => entry[1] === 'update'), 'a Consent Mode update');
      expect(layer().find((entry) => entry[1] === 'update')).to.deep.equal([
        'consent',
        'update',
        {...DENIED, analytics_storage: 'granted'},
      ]);
      harness(el).click('accept');
      await until(() => sent.length === 1, 'the record');
      expect(JSON.parse(sent[0]).exempt).to.deep.equal(['performance']);
    } finally {
      navigator.sendBeacon = original;
    }
  });
});

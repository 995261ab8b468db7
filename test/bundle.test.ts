/**
 * Whole-page tests: plain HTML pages load the built `dist/cookie-consent.js` the way a site does,
 * in an iframe of the test page, and we check what the visitor and the site see.
 */
import {expect} from '@open-wc/testing';
import type {CookieConsent} from '../src/cookie-consent.js';
import type {ConsentChangeDetail} from '../src/store.js';
import {clearCookies} from './helpers.js';

type SiteWindow = Window & typeof globalThis & {consentEvents: ConsentChangeDetail[]};

let frame: HTMLIFrameElement;
const errors: string[] = [];

function loaded(): Promise<void> {
  return new Promise((resolve) => frame.addEventListener('load', () => resolve(), {once: true}));
}

async function settle(): Promise<{win: SiteWindow; el: CookieConsent}> {
  const win = frame.contentWindow as SiteWindow;
  win.addEventListener('error', (event) => errors.push(event.message));
  await win.customElements.whenDefined('cookie-consent');
  const el = win.document.querySelector('cookie-consent') as CookieConsent;
  await el.updateComplete;
  return {win, el};
}

async function open(path: string) {
  const done = loaded();
  frame.src = path;
  await done;
  return settle();
}

async function reload() {
  const done = loaded();
  frame.contentWindow!.location.reload();
  await done;
  return settle();
}

const banner = (el: CookieConsent) => el.shadowRoot!.querySelector('[part~="banner"]');
const button = (el: CookieConsent, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

beforeEach(() => {
  clearCookies();
  errors.length = 0;
  frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '700';
  document.body.append(frame);
});

afterEach(() => {
  frame.remove();
  clearCookies();
});

describe('the script-tag bundle on a plain page', () => {
  it('asks on the first visit, stores the decision, and stays quiet on the next page view', async () => {
    let {win, el} = await open('/test/pages/site.html');
    expect(banner(el) !== null, 'banner on first visit').to.equal(true);
    expect(win.consentEvents).to.deep.equal([]);

    button(el, 'reject').click();
    expect(win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['reject-all']);
    const cookie = win.document.cookie.split('; ').find((entry) => entry.startsWith('cookie_consent='));
    expect(cookie, 'decision cookie').to.be.a('string');
    const stored = JSON.parse(decodeURIComponent(cookie!.slice('cookie_consent='.length)));
    expect(stored.granted).to.deep.equal([]);

    ({win, el} = await reload());
    expect(banner(el) === null, 'no banner after a decision').to.equal(true);
    expect(el.shadowRoot!.querySelector('dialog') === null, 'no panel').to.equal(true);
    expect(win.consentEvents).to.have.length(1);
    expect(win.consentEvents[0]).to.deep.equal({
      consent: {necessary: true, performance: false, functionality: false, targeting: false},
      changed: [],
      reason: 'stored',
      consentId: stored.id,
      decidedAt: stored.at,
    });
    expect(errors).to.deep.equal([]);
  });

  it('opens the panel from the page\'s "Cookie Management" link and changes the decision', async () => {
    const {win, el} = await open('/test/pages/site.html');
    button(el, 'accept').click();
    win.document.querySelector<HTMLElement>('[data-cookie-preferences]')!.click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    el.shadowRoot!.querySelector<HTMLInputElement>('#switch-targeting')!.click();
    button(el, 'save').click();
    const last = win.consentEvents.at(-1)!;
    expect(last.reason).to.equal('save');
    expect(last.changed).to.deep.equal(['targeting']);
    expect(last.consent.targeting).to.equal(false);
    expect(last.consent.performance).to.equal(true);
  });

  it('reloads the page after a withdrawal with reload-on-withdraw, and not after a grant', async () => {
    const {el} = await open('/test/pages/reload-on-withdraw.html');
    let reloads = 0;
    frame.addEventListener('load', () => reloads++);
    el.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reloads, 'no reload after a grant').to.equal(0);
    const reloaded = loaded();
    el.save({performance: false});
    await reloaded;
    expect(reloads).to.equal(1);
    const next = await settle();
    expect(next.win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['stored']);
    expect(next.win.consentEvents[0].consent.performance).to.equal(false);
  });

  it('replays the stored decision to a listener that a later module script adds', async () => {
    const first = await open('/test/pages/site.html');
    first.el.acceptAll();
    const {win} = await open('/test/pages/late-listener.html');
    expect(win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['stored']);
  });

  it('survives being loaded twice: one element definition, no errors', async () => {
    const {win, el} = await open('/test/pages/twice.html');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors).to.deep.equal([]);
    expect(banner(el) !== null).to.equal(true);
    button(el, 'accept').click();
    expect(win.consentEvents).to.have.length(1);
  });
});

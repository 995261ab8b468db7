import {expect, fixture, fixtureCleanup, html, oneEvent, nextFrame} from '@open-wc/testing';
import {a11ySnapshot, findAccessibilityNode, sendKeys, setViewport} from '@web/test-runner-commands';
import '../src/define.js';
import type {CookieConsent} from '../src/cookie-consent.js';
import type {CookieConsentChangeEvent} from '../src/core/events.js';
import {
  browserCookies,
  captureWarnings,
  captureWarningsAsync,
  clearCookies,
  deepActive,
  emulateMediaFeatures,
  STEADY_MEDIA,
} from './helpers.js';
import {deepQueryAll, harness, referenced} from './support/harness.js';

interface LayoutShift extends PerformanceEntry {
  value: number;
  sources: {node: Node | null}[];
}

interface AXNode {
  role: string;
  name: string;
  checked?: boolean | 'mixed';
  disabled?: boolean;
  modal?: boolean;
  children: AXNode[];
}

async function axTree(): Promise<AXNode> {
  return (await a11ySnapshot({})) as unknown as AXNode;
}

function findAx(tree: AXNode, role: string, name: string | RegExp): AXNode | null {
  return findAccessibilityNode<AXNode>(
    tree,
    (node) => node.role === role && (typeof name === 'string' ? node.name === name : name.test(node.name))
  );
}

async function consentFixture(attributes = 'policy-url="/cookies.html"') {
  const el = await fixture<CookieConsent>(`<cookie-consent ${attributes}></cookie-consent>`);
  await el.updateComplete;
  // Ends entry animations at once, so positions can be measured.
  harness(el).finishAnimations();
  return el;
}

function storedCookie(name = 'cookie_consent') {
  const raw = document.cookie
    .split('; ')
    .find((entry) => entry.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  return raw === undefined ? undefined : JSON.parse(decodeURIComponent(raw));
}

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => clearCookies());

describe('<cookie-consent> banner', () => {
  it('is a labelled, non-modal landmark with two equal choices, a preferences button and the policy link', async () => {
    await consentFixture();
    const tree = await axTree();
    const region = findAx(tree, 'region', 'Cookies on this site');
    expect(region, 'region landmark').to.not.equal(null);
    expect(region!.modal).to.not.equal(true);
    for (const name of ['I agree', "I don't agree", 'Choose cookies']) {
      expect(findAx(region!, 'button', name), name).to.not.equal(null);
    }
    const link = findAx(region!, 'link', 'Find out more about cookies');
    expect(link).to.not.equal(null);
  });

  it('links to the policy page it is given', async () => {
    const el = await consentFixture('policy-url="/privacy/cookies.html"');
    expect(harness(el).part('policy-link')!.getAttribute('href')).to.equal('/privacy/cookies.html');
  });

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

  it("gives agree and don't agree the same box, weight and colours", async () => {
    const el = await consentFixture();
    for (const width of [1024, 320]) {
      await setViewport({width, height: 700});
      await nextFrame();
      const accept = harness(el).part('accept')!;
      const reject = harness(el).part('reject')!;
      const a = accept.getBoundingClientRect();
      const r = reject.getBoundingClientRect();
      expect(Math.abs(a.width - r.width), `width at ${width}px`).to.be.below(0.5);
      expect(Math.abs(a.height - r.height), `height at ${width}px`).to.be.below(0.5);
      const sa = getComputedStyle(accept);
      const sr = getComputedStyle(reject);
      for (const property of [
        'font-weight',
        'font-size',
        'background-color',
        'color',
        'border-top-color',
        'border-top-width',
      ]) {
        expect(sa.getPropertyValue(property), property).to.equal(sr.getPropertyValue(property));
      }
    }
  });

  it('shows a bar across the bottom by default and a corner box with layout="box"', async () => {
    const bar = await consentFixture();
    const barBox = harness(bar).banner!.getBoundingClientRect();
    expect(barBox.width).to.equal(window.innerWidth);
    expect(Math.round(barBox.bottom)).to.equal(window.innerHeight);
    bar.remove();

    const box = await consentFixture('layout="box"');
    const boxBox = harness(box).banner!.getBoundingClientRect();
    expect(boxBox.width).to.be.below(window.innerWidth / 2);
    expect(boxBox.bottom).to.be.below(window.innerHeight);
    expect(boxBox.right).to.be.below(window.innerWidth);
  });

  it('accepts all on "I agree": stores the cookie, fires the event, hides the banner, announces it', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    const eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
    ui.click('accept');
    const event = await eventPromise;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.target).to.equal(el);
    expect(event.detail.consent).to.deep.equal({
      necessary: true,
      performance: true,
      functionality: true,
      targeting: true,
    });
    expect(event.detail.changed).to.deep.equal(['performance', 'functionality', 'targeting']);
    expect(event.detail.reason).to.equal('accept-all');
    expect(el.consent).to.deep.equal(event.detail.consent);
    await el.updateComplete;
    expect(ui.banner === null, 'removed').to.equal(true);
    expect(ui.status!.textContent).to.match(/accepted all cookies/);
    const stored = storedCookie();
    expect(stored.granted).to.deep.equal(['performance', 'functionality', 'targeting']);
    expect(stored.id).to.equal(event.detail.consentId);
    expect(stored.rev).to.equal('1');
  });

  it('refuses on "I don\'t agree", with the exact event detail', async () => {
    const el = await consentFixture();
    const eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
    harness(el).click('reject');
    const {detail} = await eventPromise;
    expect(detail.consent).to.deep.equal({necessary: true, performance: false, functionality: false, targeting: false});
    expect(detail.changed).to.deep.equal([]);
    expect(detail.reason).to.equal('reject-all');
    await el.updateComplete;
    expect(harness(el).banner === null, 'removed').to.equal(true);
    expect(storedCookie().granted).to.deep.equal([]);
  });

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

  it('grants nothing by Escape, clicks elsewhere or time passing', async () => {
    const el = await consentFixture();
    let events = 0;
    document.addEventListener('cookie-consent-change', () => events++, {once: true});
    harness(el).part('accept')!.focus();
    await sendKeys({press: 'Escape'});
    document.body.click();
    window.scrollBy(0, 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).to.equal(0);
    expect(el.consent).to.equal(null);
    expect(harness(el).banner !== null, 'present').to.equal(true);
  });

  it('is reached by the first Tab when placed first, and each button works from the keyboard', async () => {
    for (const [key, button, reason] of [
      ['Enter', 'accept', 'accept-all'],
      ['Space', 'reject', 'reject-all'],
    ] as const) {
      fixtureCleanup();
      clearCookies();
      const page = await fixture<HTMLElement>(html`
        <div>
          <cookie-consent policy-url="/cookies.html"></cookie-consent>
          <nav><a href="#" data-cookie-preferences>Cookie Management</a></nav>
        </div>
      `);
      const el = page.querySelector('cookie-consent')!;
      const ui = harness(el);
      await el.updateComplete;
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({press: 'Tab'});
      expect(deepActive(), 'first Tab').to.equal(ui.part('policy-link'));
      await sendKeys({press: 'Tab'});
      expect(deepActive()).to.equal(ui.part('accept'));
      if (button === 'reject') await sendKeys({press: 'Tab'});
      expect(deepActive()).to.equal(ui.part(button));
      const eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
      await sendKeys({press: key});
      expect((await eventPromise).detail.reason).to.equal(reason);
      await el.updateComplete;
      const focused = deepActive();
      expect(focused, 'focus after the decision').to.equal(page.querySelector('[data-cookie-preferences]'));
    }
  });

  it('moves focus to its status, not <body>, when the page has nowhere better', async () => {
    const el = await consentFixture();
    harness(el).part('accept')!.focus();
    harness(el).click('accept');
    await el.updateComplete;
    const focused = deepActive();
    expect(focused).to.not.equal(document.body);
    expect(focused!.getAttribute('role')).to.equal('status');
    const rect = focused!.getBoundingClientRect();
    expect(rect.height, 'the focused status is visible').to.be.above(20);
  });

  it('has its status notice in the page before anything is said in it, so the first message is heard', async () => {
    const el = await consentFixture();
    const status = harness(el).status!;
    expect(status.textContent).to.equal('');
    expect(getComputedStyle(status).display).to.not.equal('none');
  });

  it('announces a decision again when its words are the same as the last one', async () => {
    const el = await consentFixture();
    const status = harness(el).status!;
    const said: string[] = [];
    for (let i = 0; i < 3; i++) {
      el.rejectAll();
      await el.updateComplete;
      said.push(status.textContent!);
    }
    expect(said.map((text) => text.trim())).to.deep.equal(Array(3).fill(said[0].trim()));
    expect(said[1], 'second').to.not.equal(said[0]);
    expect(said[2], 'third').to.not.equal(said[1]);
  });

  it('does not scroll the page back to where focus was before the banner', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <cookie-consent></cookie-consent>
        <input id="search" aria-label="Search" />
        <p style="height: 4000px"></p>
      </div>
    `);
    const el = page.querySelector('cookie-consent')!;
    await el.updateComplete;
    page.querySelector<HTMLInputElement>('#search')!.focus();
    window.scrollTo(0, 2500);
    // As a click does: focus moves from the search field (now far above) to the button.
    harness(el).part('accept')!.focus();
    harness(el).click('accept');
    await el.updateComplete;
    expect(window.scrollY).to.equal(2500);
    expect(deepActive()!.getAttribute('role')).to.equal('status');
    window.scrollTo(0, 0);
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

  it('builds no banner or panel for a returning visitor, and parses no stylesheet', async () => {
    const first = await consentFixture();
    first.acceptAll();
    first.remove();
    const el = await consentFixture();
    const ui = harness(el);
    const rendered = ui.renderedElements();
    expect(rendered.length, 'the (empty) status region only').to.equal(1);
    expect(rendered[0].getAttribute('role')).to.equal('status');
    expect(rendered[0].textContent).to.equal('');
    expect(ui.styleSheets().length).to.equal(0);
    await el.showPreferences();
    expect(ui.dialog?.open, 'the panel still opens on request').to.equal(true);
    expect(ui.styleSheets().length).to.equal(4);
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

describe('<cookie-consent> preferences panel', () => {
  it('is a modal native dialog, labelled by its heading, with one switch per category', async () => {
    const el = await consentFixture();
    await el.showPreferences();
    const dialog = harness(el).dialog!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    const tree = await axTree();
    const axDialog = findAx(tree, 'dialog', 'Your cookie choices');
    expect(axDialog, 'dialog named by its heading').to.not.equal(null);
    expect(axDialog!.modal).to.equal(true);
    const necessary = findAx(axDialog!, 'switch', 'Strictly necessary')!;
    expect(necessary.checked).to.equal(true);
    expect(necessary.disabled).to.equal(true);
    for (const name of ['Performance', 'Functionality', 'Targeting and advertising']) {
      const node = findAx(axDialog!, 'switch', name);
      expect(node, name).to.not.equal(null);
      expect(node!.checked, name).to.equal(false);
    }
    for (const name of ['Accept all', 'Reject all', 'Save my choices', 'Close']) {
      expect(findAx(axDialog!, 'button', name), name).to.not.equal(null);
    }
    const performanceSwitch = harness(el).switches[1];
    const description = referenced(performanceSwitch, 'aria-describedby')!;
    expect(description.textContent).to.match(/count visits/);
  });

  it('saves the switches as set, with reason "save"', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    await el.showPreferences();
    const [, performance, , targeting] = ui.switches;
    performance.click();
    targeting.click();
    targeting.click();
    await el.updateComplete;
    const eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
    ui.click('save');
    const {detail} = await eventPromise;
    expect(detail.consent).to.deep.equal({necessary: true, performance: true, functionality: false, targeting: false});
    expect(detail.changed).to.deep.equal(['performance']);
    expect(detail.reason).to.equal('save');
    await el.updateComplete;
    expect(ui.dialog === null, 'removed').to.equal(true);
    expect(ui.banner === null, 'removed').to.equal(true);
  });

  it('accepts and rejects all from the panel', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    await el.showPreferences();
    let eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
    ui.click('accept-all');
    expect((await eventPromise).detail.reason).to.equal('accept-all');

    await el.showPreferences();
    expect(
      ui.switches.map((s) => s.checked),
      'switches show what was granted'
    ).to.deep.equal([true, true, true, true]);
    eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
    ui.click('reject-all');
    const {detail} = await eventPromise;
    expect(detail.reason).to.equal('reject-all');
    expect(detail.changed).to.deep.equal(['performance', 'functionality', 'targeting']);
  });

  it('closes on Escape without granting anything and gives focus back to the opener', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    let events = 0;
    const count = () => events++;
    document.addEventListener('cookie-consent-change', count);
    await nextFrame();
    await nextFrame();
    const padding = document.body.style.paddingBottom;
    expect(padding, 'room made for the banner').to.not.equal('');
    ui.part('preferences')!.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(ui.dialog!.open).to.equal(true);
    expect(ui.banner!.matches(':popover-open'), 'banner steps back under the modal panel').to.equal(false);
    ui.switches[1].click(); // switched on, but never saved
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    await nextFrame();
    document.removeEventListener('cookie-consent-change', count);
    expect(ui.dialog === null, 'removed').to.equal(true);
    expect(events).to.equal(0);
    expect(el.consent).to.equal(null);
    expect(deepActive()).to.equal(ui.part('preferences'));
    expect(ui.banner!.matches(':popover-open'), 'banner back in the top layer').to.equal(true);
    expect(document.body.style.paddingBottom, 'room kept for the banner').to.equal(padding);
  });

  it('closes with its close button without granting anything', async () => {
    const el = await consentFixture();
    await el.showPreferences();
    harness(el).click('close');
    await el.updateComplete;
    expect(harness(el).dialog === null, 'removed').to.equal(true);
    expect(el.consent).to.equal(null);
  });

  it('toggles a switch with Space and saves from the keyboard', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    ui.part('preferences')!.focus();
    await sendKeys({press: 'Space'});
    await el.updateComplete;
    ui.switches[2].focus();
    await sendKeys({press: 'Space'});
    expect(ui.switches[2].checked).to.equal(true);
    ui.part('save')!.focus();
    const eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
    await sendKeys({press: 'Enter'});
    const {detail} = await eventPromise;
    expect(detail.consent.functionality).to.equal(true);
    expect(detail.consent.performance).to.equal(false);
  });

  it('is opened by any [data-cookie-preferences] element, present at load or added later, and returns focus to it', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <cookie-consent></cookie-consent>
        <a href="#" id="menu" data-cookie-preferences>Cookie Management</a>
      </div>
    `);
    const el = page.querySelector('cookie-consent')!;
    const menu = page.querySelector<HTMLAnchorElement>('#menu')!;
    menu.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(harness(el).dialog!.open).to.equal(true);
    expect(location.hash).to.equal('');
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    await nextFrame();
    expect(deepActive()).to.equal(menu);

    const later = document.createElement('button');
    later.dataset.cookiePreferences = '';
    later.textContent = 'Privacy settings';
    const inner = document.createElement('span');
    later.append(inner);
    page.append(later);
    inner.click();
    await el.updateComplete;
    expect(harness(el).dialog!.open).to.equal(true);
  });

  it('offers only the categories named in "categories", warning about unknown ones', async () => {
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await consentFixture('categories="performance marketing"');
    });
    expect(warnings.some((line) => line.includes('unknown category "marketing"'))).to.equal(true);
    await el.showPreferences();
    expect(harness(el).switches.map((s) => s.id)).to.deep.equal(['switch-necessary', 'switch-performance']);
    el.acceptAll();
    expect(el.consent).to.deep.equal({necessary: true, performance: true, functionality: false, targeting: false});
  });

  it('moves focus out of the panel to the page, not <body>, after a decision made from the banner', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <cookie-consent></cookie-consent>
        <a href="#" data-cookie-preferences>Cookie Management</a>
      </div>
    `);
    const el = page.querySelector('cookie-consent')!;
    harness(el).part('preferences')!.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    harness(el).part('accept-all')!.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    await nextFrame();
    expect(deepActive()).to.equal(page.querySelector('[data-cookie-preferences]'));
  });
});

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

  it('loads the panel only when it is first asked for', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    expect(ui.dialog === null, 'no panel before it is asked for').to.equal(true);
    expect(ui.styleSheets().length, 'banner styles only').to.equal(3);
    await el.showPreferences();
    expect(ui.dialog!.open).to.equal(true);
    ui.click('close');
    await el.updateComplete;
    expect(ui.dialog === null, 'removed when closed').to.equal(true);
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

  it('sends each decision to log-endpoint as a JSON record', async () => {
    const sent: {url: string; body: string}[] = [];
    const original = navigator.sendBeacon;
    navigator.sendBeacon = (url: string | URL, body?: BodyInit | null) => {
      sent.push({url: String(url), body: String(body)});
      return true;
    };
    try {
      const el = await consentFixture('log-endpoint="/consent-log" revision="7" lang="en"');
      const eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
      el.save({performance: true});
      const {detail} = await eventPromise;
      expect(sent).to.have.length(1);
      expect(sent[0].url).to.equal('/consent-log');
      expect(JSON.parse(sent[0].body)).to.deep.equal({
        consentId: detail.consentId,
        decidedAt: new Date(detail.decidedAt).toISOString(),
        revision: '7',
        consent: {necessary: true, performance: true, functionality: false, targeting: false},
        reason: 'api',
        locale: 'en',
        url: location.origin + location.pathname,
      });
    } finally {
      navigator.sendBeacon = original;
    }
  });

  it('keeps the decision when sendBeacon throws', async () => {
    const original = navigator.sendBeacon;
    navigator.sendBeacon = () => {
      throw new TypeError('blocked');
    };
    try {
      const el = await consentFixture('log-endpoint="https://log.example/consent"');
      const warnings = captureWarnings(() => el.acceptAll());
      expect(warnings.some((line) => line.startsWith('cookie-consent-elements: could not send'))).to.equal(true);
      expect(storedCookie().granted).to.have.length(3);
    } finally {
      navigator.sendBeacon = original;
    }
  });

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

describe('<cookie-consent> presentation', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in the banner and the panel, ${theme} theme`, async () => {
      const el = await consentFixture(`theme="${theme}" policy-url="/cookies.html"`);
      await expect(el).to.be.accessible();
      await el.showPreferences();
      await expect(el).to.be.accessible();
    });
  }

  it('follows prefers-color-scheme with theme="auto" and can be forced either way', async () => {
    const auto = await consentFixture();
    const light = getComputedStyle(harness(auto).banner!).backgroundColor;
    await emulateMediaFeatures([...STEADY_MEDIA, {name: 'prefers-color-scheme', value: 'dark'}]);
    const dark = getComputedStyle(harness(auto).banner!).backgroundColor;
    expect(dark).to.not.equal(light);
    auto.theme = 'light';
    await auto.updateComplete;
    expect(getComputedStyle(harness(auto).banner!).backgroundColor).to.equal(light);
    await expect(auto).to.be.accessible();
  });

  it('passes axe in dark system mode with the box layout', async () => {
    await emulateMediaFeatures([...STEADY_MEDIA, {name: 'prefers-color-scheme', value: 'dark'}]);
    const el = await consentFixture('layout="box" policy-url="/cookies.html"');
    await expect(el).to.be.accessible();
  });

  it('drops its animations when reduced motion is asked for', async () => {
    await emulateMediaFeatures([]);
    const el = await consentFixture();
    expect(getComputedStyle(harness(el).banner!).animationDuration).to.equal('0.2s');
    await emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
    expect(getComputedStyle(harness(el).banner!).animationDuration).to.equal('0s');
  });

  it('stays usable in forced-colors mode: switches show their state with system colours', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    await el.showPreferences();
    ui.switches[1].click();
    await emulateMediaFeatures([...STEADY_MEDIA, {name: 'forced-colors', value: 'active'}]);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const on = getComputedStyle(ui.switches[1]).backgroundColor;
    const off = getComputedStyle(ui.switches[2]).backgroundColor;
    expect(on).to.not.equal(off);
    expect(getComputedStyle(ui.part('save')!).borderTopStyle).to.equal('solid');
  });

  it('makes every target at least 24 by 24 px, in the banner and in the panel', async () => {
    const el = await consentFixture();
    // The banner steps out of view while the panel is open, so each is measured while shown.
    const measure = (root: HTMLElement) =>
      deepQueryAll(root, 'button, input').map((target) => ({
        target: target.outerHTML,
        box: target.getBoundingClientRect(),
      }));
    const banner = measure(harness(el).banner!);
    await el.showPreferences();
    const panel = measure(harness(el).dialog!);
    expect(banner.length).to.equal(3);
    expect(panel.length).to.equal(8);
    for (const {target, box} of [...banner, ...panel]) {
      expect(box.width, target).to.be.at.least(24);
      expect(box.height, target).to.be.at.least(24);
    }
  });

  it('causes no horizontal scroll at 320 px wide, banner or panel', async () => {
    await setViewport({width: 320, height: 640});
    const el = await consentFixture();
    await nextFrame();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const banner = harness(el).banner!;
    expect(banner.scrollWidth).to.be.at.most(banner.clientWidth);
    await el.showPreferences();
    const dialog = harness(el).dialog!;
    expect(dialog.getBoundingClientRect().right).to.be.at.most(320);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
  });

  it('fits at 200% zoom (a 1280 by 800 screen seen as 640 by 400 CSS px), scrolling inside if it must', async () => {
    await setViewport({width: 640, height: 400});
    const el = await consentFixture();
    const ui = harness(el);
    await nextFrame();
    const banner = ui.banner!;
    expect(document.documentElement.scrollWidth).to.be.at.most(640);
    expect(banner.scrollWidth).to.be.at.most(banner.clientWidth);
    expect(banner.getBoundingClientRect().height).to.be.at.most(400);
    const reject = ui.part('reject')!;
    reject.scrollIntoView({block: 'nearest'});
    const box = reject.getBoundingClientRect();
    expect(box.bottom, 'the last choice can be reached').to.be.at.most(400);
    await el.showPreferences();
    const dialog = ui.dialog!;
    expect(dialog.getBoundingClientRect().height).to.be.at.most(400);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
  });

  for (const layout of ['bar', 'box']) {
    it(`leaves half the screen to the page at 400% zoom (320 by 256 CSS px), ${layout}`, async () => {
      await setViewport({width: 320, height: 256});
      const page = await fixture<HTMLElement>(html`
        <div>
          <cookie-consent layout=${layout}></cookie-consent>
          <p style="height: 2000px"></p>
          <button id="last">Last control on the page</button>
        </div>
      `);
      const el = page.querySelector('cookie-consent')!;
      await el.updateComplete;
      await nextFrame();
      await nextFrame();
      const banner = harness(el).banner!;
      expect(banner.getBoundingClientRect().height).to.be.at.most(128);
      const last = page.querySelector<HTMLButtonElement>('#last')!;
      last.focus();
      await nextFrame();
      const box = last.getBoundingClientRect();
      expect(
        document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2),
        'focused, not covered'
      ).to.equal(last);
      // The banner scrolls inside: a button comes into view when focused.
      const preferences = harness(el).part('preferences')!;
      preferences.focus();
      await nextFrame();
      const choice = preferences.getBoundingClientRect();
      const shown = banner.getBoundingClientRect();
      expect(choice.top).to.be.at.least(shown.top - 1);
      expect(choice.bottom).to.be.at.most(shown.bottom + 1);
      el.rejectAll();
      await el.updateComplete;
      window.scrollTo(0, 0);
    });
  }

  it('keeps the focused element clear of the bar and causes no layout shift', async () => {
    await nextFrame();
    await nextFrame();
    const shifts: LayoutShift[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as LayoutShift[])));
    observer.observe({type: 'layout-shift'});
    const page = await fixture<HTMLElement>(html`
      <div>
        <cookie-consent></cookie-consent>
        <p style="height: 3000px"></p>
        <button id="last">Last control on the page</button>
      </div>
    `);
    const el = page.querySelector('cookie-consent')!;
    const last = page.querySelector<HTMLButtonElement>('#last')!;
    const before = last.getBoundingClientRect().top + window.scrollY;
    await el.updateComplete;
    await nextFrame();
    await nextFrame();
    last.focus();
    await nextFrame();
    const bannerTop = harness(el).banner!.getBoundingClientRect().top;
    expect(last.getBoundingClientRect().bottom).to.be.at.most(bannerTop);
    expect(last.getBoundingClientRect().top + window.scrollY).to.equal(before);
    observer.disconnect();
    // Only the page under test counts; the test runner's own report may move meanwhile.
    const ours = shifts.filter((shift) => shift.sources.some((source) => source.node && page.contains(source.node)));
    const moved = ours.flatMap((shift) =>
      shift.sources.map((source) => (source.node as Element)?.outerHTML?.slice(0, 80))
    );
    expect(
      ours.reduce((sum, shift) => sum + shift.value, 0),
      `shifted: ${moved.join(' | ')}`
    ).to.equal(0);

    el.rejectAll();
    await el.updateComplete;
    await nextFrame();
    expect(document.body.style.paddingBottom).to.equal('');
    expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
    window.scrollTo(0, 0);
  });
});

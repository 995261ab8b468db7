/** The banner: a labelled landmark with two equal choices, its keyboard use, its status notice, and its layouts. */
import {expect, fixture, fixtureCleanup, html, oneEvent, nextFrame} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsentChangeEvent} from '../../src/core/events.js';
import {axTree, findAx} from '../support/a11y.js';
import {consentFixture, storedCookie} from '../support/fixtures.js';
import {harness} from '../support/harness.js';
import {clearCookies, deepActive, emulateMediaFeatures, STEADY_MEDIA, until} from '../support/helpers.js';

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

  it('names, on the first layer, exactly the purposes of the categories offered', async () => {
    const purposes = {
      performance: 'measuring visits',
      functionality: 'remembering your settings',
      targeting: 'personalised advertising',
    };
    const all = Object.keys(purposes) as (keyof typeof purposes)[];
    // The seven non-empty combinations, and none offered.
    for (let mask = 0; mask < 8; mask++) {
      const offered = all.filter((_, bit) => mask & (1 << bit));
      const el = await consentFixture(`categories="${offered.join(' ')}"`);
      const list = harness(el).part('purposes');
      const items = [...(list?.querySelectorAll('li') ?? [])].map((item) => item.textContent!.trim());
      expect(items, offered.join(' ') || 'none offered').to.deep.equal(offered.map((category) => purposes[category]));
      if (offered.length > 0) {
        // A list, labelled by the sentence that introduces it.
        expect(list!.localName).to.equal('ul');
        const root = list!.getRootNode() as ShadowRoot;
        expect(root.getElementById(list!.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.equal(
          'If you agree, we will also use cookies for:'
        );
      } else {
        expect(harness(el).banner!.textContent, 'no purposes, no sentence').to.not.include('If you agree');
      }
      fixtureCleanup();
    }
  });

  it("names the purposes in the visitor's language", async () => {
    const el = await consentFixture('lang="fr" categories="performance targeting"');
    await until(() => harness(el).part('purposes')?.closest('[lang=fr]') != null, 'the French banner');
    const items = [...harness(el).part('purposes')!.querySelectorAll('li')].map((item) => item.textContent!.trim());
    expect(items).to.deep.equal(['mesurer la fréquentation', 'vous proposer des publicités personnalisées']);
  });

  it('links to the policy page it is given', async () => {
    const el = await consentFixture('policy-url="/privacy/cookies.html"');
    expect(harness(el).part('policy-link')!.getAttribute('href')).to.equal('/privacy/cookies.html');
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

  it('builds no banner or panel for a returning visitor, and parses no stylesheet', async () => {
    const first = await consentFixture();
    first.acceptAll();
    first.remove();
    const el = await consentFixture();
    const ui = harness(el);
    expect(ui.renderedElements(), 'nothing at all').to.deep.equal([]);
    expect(ui.styleSheets().length).to.equal(0);
    await el.showPreferences();
    expect(ui.dialog?.open, 'the panel still opens on request').to.equal(true);
    expect(ui.status?.textContent, 'with the status notice, empty').to.equal('');
    expect(ui.styleSheets().length, 'tokens, buttons, layout, the banner and the panel').to.equal(5);
  });
});

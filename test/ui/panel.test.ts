/**
 * The preferences panel: a modal dialog of switches, its choices and keyboard use, how it opens
 * and closes, and the receipt of the stored decision.
 */
import {expect, fixture, html, oneEvent, nextFrame} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import type {CookieConsentChangeEvent} from '../../src/core/events.js';
import {axTree, findAx} from '../support/a11y.js';
import {consentFixture, declaredFixture} from '../support/fixtures.js';
import {harness, referenced} from '../support/harness.js';
import {
  captureWarningsAsync,
  clearCookies,
  deepActive,
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

  it('opens, with its receipt, even where the browser cannot format a date in the UI language', async () => {
    const first = await consentFixture();
    first.acceptAll();
    first.remove();
    const el = await consentFixture();
    const original = Intl.DateTimeFormat;
    // As for a locale code the browser does not know: formatting in it throws.
    Intl.DateTimeFormat = function (locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
      if (locale === 'en') throw new RangeError('Incorrect locale information provided');
      return new original(locale, options);
    } as typeof Intl.DateTimeFormat;
    try {
      await el.showPreferences();
    } finally {
      Intl.DateTimeFormat = original;
    }
    expect(harness(el).dialog?.open).to.equal(true);
    expect(harness(el).part('receipt')?.textContent).to.match(/saved on .+\d/);
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

  it('loads the panel only when it is first asked for', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    expect(ui.dialog === null, 'no panel before it is asked for').to.equal(true);
    expect(ui.styleSheets().length, 'the banner styles only: tokens, buttons, layout, its own').to.equal(4);
    await el.showPreferences();
    expect(ui.dialog!.open).to.equal(true);
    ui.click('close');
    await el.updateComplete;
    expect(ui.dialog === null, 'removed when closed').to.equal(true);
  });
});

describe('proof of consent in the panel', () => {
  it('shows the visitor the consent id and date of the stored decision', async () => {
    const el = await declaredFixture('lang="en"');
    el.save({performance: true});
    await el.showPreferences();
    const receipt = harness(el).part('receipt')!;
    const id = el.ownerDocument.cookie.match(/cookie_consent=([^;]+)/)![1];
    const stored = JSON.parse(decodeURIComponent(id));
    expect(receipt.textContent).to.include(stored.id);
    expect(receipt.textContent).to.include(String(new Date(stored.at).getFullYear()));
  });

  it('shows no receipt before a decision', async () => {
    const el = await declaredFixture();
    await el.showPreferences();
    expect(harness(el).part('receipt') === null).to.equal(true);
  });
});

describe('<cookie-consent> moved while the panel is open', () => {
  it('keeps the panel open and modal, with focus inside it, and it still closes cleanly', async () => {
    const el = await consentFixture();
    const opener = document.createElement('button');
    opener.textContent = 'Cookie settings';
    document.body.append(opener);
    opener.focus();
    await el.showPreferences();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    const dialog = harness(el).dialog!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal'), 'modal again').to.equal(true);
    expect(dialog.contains(deepActive()), 'focus inside the dialog').to.equal(true);
    // Its `close` event from being made modal again must not close it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness(el).dialog?.open).to.equal(true);
    await sendKeys({press: 'Escape'});
    await until(() => !harness(el).dialog, 'the panel to close');
    await until(() => deepActive() === opener, 'focus back on the opener');
    opener.remove();
  });
});

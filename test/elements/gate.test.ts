import {expect, fixture, fixtureCleanup, html, nextFrame, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import type {CookieConsentGate} from '../../src/elements/gate.js';
import type {CookieConsentChangeEvent} from '../../src/core/events.js';
import {
  captureWarningsAsync,
  clearCookies,
  deepActive,
  emulateMediaFeatures,
  STEADY_MEDIA,
} from '../support/helpers.js';
import {axTree, findAx} from '../support/a11y.js';
import {storedCookie} from '../support/fixtures.js';
import {harness, ShadowHarness} from '../support/harness.js';

/** Counts how often the embed's script ran on this page. */
const runs = window as unknown as {gateRuns?: Record<string, number>};
let embeds = 0;

/**
 * A page with (optionally) `<cookie-consent>` and a gate around an iframe and an inline script,
 * built as a parser would: the template's content lives in the template's inert document.
 */
async function gatePage(attributes: Record<string, string>, {withConsent = true} = {}) {
  const id = `${Date.now()}-${++embeds}`;
  const src = `/test/pages/embed.html?gate=${id}`;
  const page = await fixture<HTMLElement>(
    withConsent ? html`<div><cookie-consent></cookie-consent></div>` : html`<div></div>`
  );
  const gate = document.createElement('cookie-consent-gate');
  for (const [name, value] of Object.entries(attributes)) gate.setAttribute(name, value);
  const template = document.createElement('template');
  const inert = template.content.ownerDocument;
  const iframe = inert.createElement('iframe');
  iframe.src = src;
  iframe.title = 'Example video';
  const script = inert.createElement('script');
  script.textContent = `(window.gateRuns ??= {})['${id}'] = (window.gateRuns['${id}'] ?? 0) + 1;`;
  template.content.append(iframe, script);
  gate.append(template);
  page.append(gate);
  await gate.updateComplete;
  return {
    gate,
    cookieConsent: page.querySelector('cookie-consent') as CookieConsent | null,
    requests: () => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(src)).length,
    scriptRuns: () => runs.gateRuns?.[id] ?? 0,
  };
}

const placeholderOf = (gate: CookieConsentGate) => new ShadowHarness(gate).part('placeholder');
const buttonOf = (gate: CookieConsentGate) => new ShadowHarness(gate).part<HTMLButtonElement>('allow');
const onceOf = (gate: CookieConsentGate) => new ShadowHarness(gate).part<HTMLButtonElement>('once');

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 100 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition(), what).to.equal(true);
}

beforeEach(async () => {
  clearCookies();
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => clearCookies());

describe('<cookie-consent-gate>', () => {
  it('says why the content is missing, with two choices: this content once, or the cookies it needs always', async () => {
    const {gate} = await gatePage({category: 'targeting', name: 'the video from Example Video'});
    const tree = await axTree();
    const once = findAx(tree, 'button', 'Show this content only, this time');
    const button = findAx(tree, 'button', 'Always allow targeting and advertising cookies');
    expect([once === null, button === null], 'both buttons').to.deep.equal([false, false]);
    const why =
      'To show the video from Example Video, we need your permission: it comes from another site, which may set cookies.';
    expect(once!.description).to.equal(why);
    expect(button!.description).to.equal(why);
    expect(findAx(await axTree(), 'StaticText', why), 'visible text').to.not.equal(null);
    expect(placeholderOf(gate)!.getBoundingClientRect().height).to.be.above(40);
  });

  it('words the placeholder without a name, for each category', async () => {
    const {gate} = await gatePage({category: 'performance'});
    expect(findAx(await axTree(), 'button', 'Always allow performance cookies')).to.not.equal(null);
    const text = new ShadowHarness(gate).part('message')!.textContent!.trim();
    expect(text).to.equal(
      'This content comes from another site, which may set cookies. It is shown only if you allow them.'
    );
    gate.category = 'functionality';
    await gate.updateComplete;
    expect(buttonOf(gate)!.textContent!.trim()).to.equal('Always allow functionality cookies');
  });

  it('requests nothing from the embed and runs none of its scripts before consent', async () => {
    const {gate, requests, scriptRuns} = await gatePage({category: 'targeting'});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests()).to.equal(0);
    expect(scriptRuns()).to.equal(0);
    expect([...gate.children].map((child) => child.localName)).to.deep.equal(['template']);
    expect(new ShadowHarness(gate).query('slot') === null, 'no slot while blocked').to.equal(true);
  });

  it('grants the category when the visitor allows it, then shows the content once and focuses it', async () => {
    const {gate, cookieConsent, requests, scriptRuns} = await gatePage({category: 'targeting'});
    buttonOf(gate)!.focus();
    const eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
    await sendKeys({press: 'Enter'});
    const {detail} = await eventPromise;
    expect(detail.reason).to.equal('save');
    expect(detail.changed).to.deep.equal(['targeting']);
    expect(detail.consent).to.deep.equal({necessary: true, performance: false, functionality: false, targeting: true});
    expect(cookieConsent!.consent).to.deep.equal(detail.consent);
    expect(storedCookie().granted, 'stored').to.deep.equal(['targeting']);

    await gate.updateComplete;
    const iframes = gate.querySelectorAll('iframe');
    expect(iframes).to.have.length(1);
    expect(iframes[0].previousElementSibling!.localName).to.equal('template');
    expect(iframes[0].getBoundingClientRect().height, 'the content is shown').to.be.above(0);
    expect(placeholderOf(gate) === null, 'placeholder gone').to.equal(true);
    expect(scriptRuns()).to.equal(1);
    expect(deepActive() === iframes[0], 'focus moves to the content').to.equal(true);
    await waitFor(() => requests() === 1, 'the embed is requested once');
  });

  it('shows this content once from the keyboard: nothing stored, nothing granted, the banner stays', async () => {
    const {gate, cookieConsent, requests, scriptRuns} = await gatePage({category: 'targeting'});
    const other = await gatePage({category: 'targeting'}, {withConsent: false});
    const gated = document.createElement('script');
    gated.type = 'text/plain';
    gated.dataset.cookieConsent = 'targeting';
    gated.textContent = 'window.gatedTargetingRan = true;';
    gate.after(gated);
    let events = 0;
    document.addEventListener('cookie-consent-change', () => events++);
    onceOf(gate)!.focus();
    await sendKeys({press: 'Enter'});
    await gate.updateComplete;
    const iframe = gate.querySelector('iframe');
    expect(iframe === null, 'the content is shown').to.equal(false);
    expect(scriptRuns()).to.equal(1);
    expect(deepActive() === iframe, 'focus moves to the content').to.equal(true);
    await waitFor(() => requests() === 1, 'the embed is requested once');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events, 'no decision').to.equal(0);
    expect(storedCookie(), 'nothing stored').to.equal(undefined);
    expect(cookieConsent!.consent).to.equal(null);
    expect(harness(cookieConsent!).banner === null, 'the banner stays').to.equal(false);
    expect((window as {gatedTargetingRan?: boolean}).gatedTargetingRan, 'other targeting scripts').to.equal(undefined);
    expect(other.gate.querySelector('iframe') === null, 'another gate stays blocked').to.equal(true);
    await expect(gate).to.be.accessible();
  });

  it('gives both choices the same box and weight, reached in turn by Tab', async () => {
    const {gate} = await gatePage({category: 'targeting', name: 'the video from Example Video'});
    const once = onceOf(gate)!;
    const always = buttonOf(gate)!;
    const [a, b] = [once.getBoundingClientRect(), always.getBoundingClientRect()];
    expect([Math.round(a.width), Math.round(a.height)]).to.deep.equal([Math.round(b.width), Math.round(b.height)]);
    const [sa, sb] = [getComputedStyle(once), getComputedStyle(always)];
    for (const property of ['font-weight', 'font-size', 'background-color', 'color', 'border-top-width']) {
      expect(sa.getPropertyValue(property), property).to.equal(sb.getPropertyValue(property));
    }
    once.focus();
    await sendKeys({press: 'Tab'});
    expect(deepActive() === always, 'Tab reaches "always allow"').to.equal(true);
  });

  it('shows the content at once when the category was granted before', async () => {
    const first = await fixture<CookieConsent>(html`<cookie-consent></cookie-consent>`);
    first.acceptAll();
    fixtureCleanup();

    const {gate, requests, scriptRuns} = await gatePage({category: 'functionality'});
    expect(placeholderOf(gate) === null, 'no placeholder').to.equal(true);
    expect(gate.querySelectorAll('iframe')).to.have.length(1);
    expect(scriptRuns()).to.equal(1);
    await waitFor(() => requests() === 1, 'the embed is requested once');
  });

  it('never renders the content twice, and keeps it when consent is withdrawn', async () => {
    const {gate, cookieConsent, scriptRuns} = await gatePage({category: 'targeting'});
    buttonOf(gate)!.click();
    await gate.updateComplete;
    for (const decide of [
      () => cookieConsent!.rejectAll(),
      () => cookieConsent!.acceptAll(),
      () => cookieConsent!.save({targeting: false}),
      () => cookieConsent!.grant('targeting'),
    ]) {
      decide();
      await gate.updateComplete;
      expect(gate.querySelectorAll('iframe')).to.have.length(1);
      expect(placeholderOf(gate) === null, 'no placeholder').to.equal(true);
    }
    const parent = gate.parentElement!;
    gate.remove();
    parent.append(gate);
    await gate.updateComplete;
    expect(gate.querySelectorAll('iframe')).to.have.length(1);
    expect(scriptRuns()).to.equal(1);
  });

  it('stays blocked, with a warning, when the category is not one it knows', async () => {
    let page!: Awaited<ReturnType<typeof gatePage>>;
    const warnings = await captureWarningsAsync(async () => {
      page = await gatePage({category: 'marketing'});
    });
    expect(
      warnings.some((line) => line.startsWith('cookie-consent-elements: <cookie-consent-gate category="marketing">'))
    ).to.equal(true);
    page.cookieConsent!.acceptAll();
    await page.gate.updateComplete;
    expect(page.gate.querySelector('iframe') === null, 'still blocked').to.equal(true);
    expect(buttonOf(page.gate) === null, 'nothing to allow').to.equal(true);
    expect(placeholderOf(page.gate)!.textContent!.trim()).to.equal(
      'This content comes from another site and cannot be shown here.'
    );
  });

  it('stays blocked, with no button and one warning, when the page does not offer its category', async () => {
    let gate!: CookieConsentGate;
    let cookieConsent!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      const page = await fixture<HTMLElement>(
        html`<div>
          <cookie-consent categories="performance"></cookie-consent>
          <cookie-consent-gate category="targeting"
            ><template><p>An advert</p></template></cookie-consent-gate
          >
        </div>`
      );
      gate = page.querySelector('cookie-consent-gate')!;
      cookieConsent = page.querySelector('cookie-consent')!;
      await gate.updateComplete;
    });
    expect(warnings.filter((line) => line.includes('does not offer this category'))).to.have.length(1);
    expect(buttonOf(gate) === null, 'no button that could do nothing').to.equal(true);
    expect(placeholderOf(gate)!.textContent!.trim()).to.equal(
      'This content comes from another site and cannot be shown here.'
    );
    cookieConsent.acceptAll();
    await gate.updateComplete;
    expect(gate.querySelector('p') === null, 'still blocked').to.equal(true);
  });

  it('keeps its button without <cookie-consent> on the page, and warns when it is used', async () => {
    const {gate} = await gatePage({category: 'targeting'}, {withConsent: false});
    expect(buttonOf(gate) === null, 'button').to.equal(false);
    const warnings = await captureWarningsAsync(async () => {
      buttonOf(gate)!.click();
      await gate.updateComplete;
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^cookie-consent-elements: there is no <cookie-consent> on the page/);
    expect(gate.querySelector('iframe') === null, 'still blocked').to.equal(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe before and after consent, ${theme} theme`, async () => {
      const {gate} = await gatePage({category: 'targeting', name: 'the video from Example Video', theme});
      await expect(gate).to.be.accessible();
      buttonOf(gate)!.click();
      await gate.updateComplete;
      await nextFrame();
      await expect(gate).to.be.accessible();
    });
  }

  it('follows the colours set on the page for every element', async () => {
    const {gate} = await gatePage({category: 'targeting'});
    const before = getComputedStyle(buttonOf(gate)!).backgroundColor;
    document.documentElement.style.setProperty('--cookie-consent-accent', 'rgb(1, 2, 3)');
    try {
      expect(getComputedStyle(buttonOf(gate)!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(before).to.not.equal('rgb(1, 2, 3)');
    } finally {
      document.documentElement.style.removeProperty('--cookie-consent-accent');
    }
  });
});

/**
 * Colours a site sets: whichever one of them (or README's theming example), text and controls of the
 * banner, the panel, the gate and the declaration stay readable in the light and the dark scheme,
 * in the sources and in the built bundle; nothing set, our own colours are used exactly.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import {backdropOf, contrast, toRgba} from '../../src/audit/contrast.js';
import {consentFixture, DECLARATION, setGpc} from '../support/fixtures.js';
import {deepElements, deepQueryAll, harness, ShadowHarness} from '../support/harness.js';
import {clearCookies, emulateMediaFeatures, STEADY_MEDIA} from '../support/helpers.js';
import {SiteFrame} from '../support/site-frame.js';

type Scheme = 'light' | 'dark';

/** README's theming example: only the accent is a colour. */
const README_EXAMPLE = '--cookie-consent-accent: #7a1f5c; --cookie-consent-font-family: Georgia, serif';

/** The colours a site may set, each alone, with a dark, a middling and a light value. */
const SITE_COLOURS = [
  'background',
  'color',
  'muted-color',
  'accent',
  'accent-color',
  'border-color',
  'focus-color',
].flatMap((name) => ['#1f2a44', '#b0413e', '#fdf3dc'].map((value) => `--cookie-consent-${name}: ${value}`));

/** Our own colours, as README's theming table lists them: background, text, muted, accent, text on it, border, focus. */
const DEFAULTS = {
  light: ['#ffffff', '#1b1d21', '#4b5260', '#1d4ed8', '#ffffff', '#6b7280', '#b45309'],
  dark: ['#1c1f24', '#f3f4f6', '#c7ccd4', '#9cc4ff', '#0b1526', '#9aa3af', '#ffd166'],
};

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

let undoStyle: (() => void) | undefined;

/** Styles the three elements from the page, in one rule, as a site's stylesheet does. */
function siteStyle(declarations: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`cookie-consent, cookie-consent-gate, cookie-declaration { ${declarations} }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  undoStyle = () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet));
}

function scheme(value: Scheme): Promise<boolean> {
  return emulateMediaFeatures([...STEADY_MEDIA, {name: 'prefers-color-scheme', value}]);
}

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(async () => {
  undoStyle?.();
  undoStyle = undefined;
  setGpc(undefined);
  clearCookies();
  await emulateMediaFeatures(STEADY_MEDIA);
});

const describeElement = (element: Element) =>
  `${element.localName}${element.getAttribute('part') ? `[part="${element.getAttribute('part')}"]` : ''}` +
  `${element.className && typeof element.className === 'string' ? `.${element.className.replace(/ /g, '.')}` : ''}`;

/**
 * The contrasts that fall short in `surface` (the banner, the panel, the gate's placeholder, a
 * section of the declaration): text (4.5:1), and the secondary buttons' borders, the switches, the
 * close icon and the focus outline of each button (3:1). `outlines: false` where a button is drawn
 * on the page rather than on our background.
 */
function shortContrasts(surface: Element, {outlines = true} = {}): string[] {
  const short: string[] = [];
  const check = (what: string, ratio: number, needed: number) => {
    if (ratio < needed) short.push(`${what}: ${ratio.toFixed(2)}:1`);
  };
  for (const element of [surface, ...deepElements(surface)]) {
    const text = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    if (text) {
      check(`text of ${describeElement(element)}`, contrast(getComputedStyle(element).color, backdropOf(element)), 4.5);
    }
  }
  for (const icon of deepQueryAll(surface, 'button svg')) {
    check('close icon', contrast(getComputedStyle(icon).color, backdropOf(icon.parentElement!)), 3);
  }
  for (const button of deepQueryAll(surface, '.secondary')) {
    const border = getComputedStyle(button).borderTopColor;
    check(`border of ${describeElement(button)}`, contrast(border, backdropOf(button.parentElement!)), 3);
  }
  for (const input of deepQueryAll<HTMLInputElement>(surface, '[role=switch]:not(:disabled)')) {
    const style = getComputedStyle(input);
    const knob = getComputedStyle(input, '::before').backgroundColor;
    const around = backdropOf(input.parentElement!);
    const state = input.checked ? 'on' : 'off';
    const track = input.checked ? style.backgroundColor : style.borderTopColor;
    check(`switch ${state} against the panel`, contrast(track, around), 3);
    check(`knob of a switch ${state}`, contrast(knob, input.checked ? toRgba(track) : backdropOf(input)), 3);
  }
  if (outlines) {
    for (const button of deepQueryAll(surface, 'button')) {
      button.focus({focusVisible: true} as FocusOptions);
      const outline = getComputedStyle(button);
      expect(outline.outlineStyle, `focus outline of ${describeElement(button)}`).to.equal('solid');
      check(
        `focus outline of ${describeElement(button)}`,
        contrast(outline.outlineColor, backdropOf(button.parentElement!)),
        3
      );
      button.blur();
    }
  }
  return short;
}

/** A page with all three elements: `<cookie-consent>` with declared cookies, a gate, a declaration. */
async function themedPage() {
  const page = await fixture<HTMLElement>(html`<div></div>`);
  page.innerHTML =
    `<cookie-consent policy-url="/cookies.html">${DECLARATION}</cookie-consent>` +
    `<cookie-consent-gate category="targeting" name="the map"><template><p>A map</p></template></cookie-consent-gate>` +
    `<cookie-declaration></cookie-declaration>`;
  const el = page.querySelector('cookie-consent')!;
  const gate = page.querySelector('cookie-consent-gate')!;
  const declaration = page.querySelector('cookie-declaration')!;
  await Promise.all([el.updateComplete, gate.updateComplete, declaration.updateComplete]);
  harness(el).finishAnimations();
  return {page, el, gate: new ShadowHarness(gate), declaration: new ShadowHarness(declaration)};
}

/**
 * Checks, by contrast and (with `axe`) with axe: the banner; the gate; the declaration; then the
 * panel with its GPC note, its receipt and a switch on.
 */
async function expectReadable(declarations: string, value: Scheme, {axe = false} = {}) {
  await scheme(value);
  siteStyle(declarations);
  setGpc(true);
  const {page, el, gate, declaration} = await themedPage();
  const ui = harness(el);
  if (axe) await expect(page).to.be.accessible();
  expect(shortContrasts(ui.banner!).join('; '), 'banner').to.equal('');
  expect(shortContrasts(gate.part('placeholder')!).join('; '), 'gate').to.equal('');
  const sections = declaration.parts('category');
  expect(sections, 'the declaration has its sections').to.have.length(4);
  const declarationShort = sections.flatMap((section) => shortContrasts(section));
  declarationShort.push(...shortContrasts(declaration.part('button')!, {outlines: false}));
  expect(declarationShort.join('; '), 'declaration').to.equal('');

  el.rejectAll();
  await el.showPreferences();
  ui.switches[1].click();
  const dialog = ui.dialog!;
  expect(ui.part('gpc-note'), 'the GPC note is shown').to.not.equal(null);
  expect(ui.part('receipt'), 'the receipt is shown').to.not.equal(null);
  expect(ui.switches[1].checked, 'a switch is on').to.equal(true);
  if (axe) await expect(el).to.be.accessible();
  expect(shortContrasts(dialog).join('; '), 'panel').to.equal('');
}

describe('colours a site sets', () => {
  for (const value of ['light', 'dark'] as const) {
    it(`keeps our own colours, exactly, when a site sets none, ${value} scheme`, async () => {
      await scheme(value);
      const [background, color, muted, accent, accentColor, border, focus] = DEFAULTS[value].map(rgb);
      const el = await consentFixture();
      const ui = harness(el);
      const banner = getComputedStyle(ui.banner!);
      expect([banner.backgroundColor, banner.color]).to.deep.equal([background, color]);
      expect(getComputedStyle(ui.part('policy-link')!).color).to.equal(accent);
      const accept = getComputedStyle(ui.part('accept')!);
      expect([accept.backgroundColor, accept.color, accept.borderTopColor]).to.deep.equal([
        accent,
        accentColor,
        accent,
      ]);
      expect(getComputedStyle(ui.part('preferences')!).borderTopColor).to.equal(border);
      ui.part('accept')!.focus({focusVisible: true} as FocusOptions);
      expect(getComputedStyle(ui.part('accept')!).outlineColor).to.equal(focus);
      await el.showPreferences();
      ui.switches[1].click();
      const [on, off] = ui.switches.slice(1, 3);
      expect(getComputedStyle(ui.query('.description')!).color).to.equal(muted);
      expect([getComputedStyle(on).backgroundColor, getComputedStyle(on, '::before').backgroundColor]).to.deep.equal([
        accent,
        accentColor,
      ]);
      expect([getComputedStyle(off).borderTopColor, getComputedStyle(off, '::before').backgroundColor]).to.deep.equal([
        border,
        border,
      ]);
    });

    it(`uses a pair a site sets as given, even where one of it alone would be changed, ${value} scheme`, async () => {
      await scheme(value);
      siteStyle(
        '--cookie-consent-background: #fdf3dc; --cookie-consent-color: #1f2a44; ' +
          '--cookie-consent-accent: #7a1f5c; --cookie-consent-accent-color: #ffe4f1'
      );
      const el = await consentFixture();
      const ui = harness(el);
      const banner = getComputedStyle(ui.banner!);
      expect(toRgba(banner.backgroundColor)).to.deep.equal([253, 243, 220, 1]);
      expect(toRgba(banner.color)).to.deep.equal([31, 42, 68, 1]);
      expect(toRgba(getComputedStyle(ui.part('policy-link')!).color)).to.deep.equal([122, 31, 92, 1]);
      const accept = getComputedStyle(ui.part('accept')!);
      expect([toRgba(accept.backgroundColor), toRgba(accept.color)]).to.deep.equal([
        [122, 31, 92, 1],
        [255, 228, 241, 1],
      ]);
    });

    it(`keeps README's theming example (only the accent set) readable, with axe, ${value} scheme`, async () => {
      await expectReadable(README_EXAMPLE, value, {axe: true});
    });

    for (const declaration of SITE_COLOURS) {
      it(`keeps text and controls readable with only ${declaration}, ${value} scheme`, async () => {
        await expectReadable(declaration, value);
      });
    }
  }
});

describe('colours a site sets, in the built bundle', () => {
  let site: SiteFrame;
  beforeEach(() => (site = new SiteFrame()));
  afterEach(() => site.remove());

  it("derives the same colours as the sources for README's example in dark mode: the minifier kept them", async () => {
    await scheme('dark');
    const win = await site.open('/test/pages/themed.html');
    expect(win.matchMedia('(prefers-color-scheme: dark)').matches, 'the frame is in dark mode').to.equal(true);
    const built = site.ui;
    built.finishAnimations();
    const builtLink = getComputedStyle(built.part('policy-link')!).color;
    const builtAccept = getComputedStyle(built.part('accept')!);

    siteStyle(README_EXAMPLE);
    const source = harness(await consentFixture());
    const sourceAccept = getComputedStyle(source.part('accept')!);

    // The accent is the site's; the text on it and the link are derived, as in the sources.
    expect(toRgba(builtAccept.backgroundColor)).to.deep.equal([122, 31, 92, 1]);
    expect(toRgba(builtAccept.color), 'white text on the dark accent').to.deep.equal([255, 255, 255, 1]);
    expect(toRgba(builtAccept.color)).to.deep.equal(toRgba(sourceAccept.color));
    expect(toRgba(builtLink), 'the link, lightened on the dark background').to.deep.equal(
      toRgba(getComputedStyle(source.part('policy-link')!).color)
    );
    expect(toRgba(builtLink)).to.not.deep.equal([122, 31, 92, 1]);
    expect(contrast(builtLink, backdropOf(built.part('policy-link')!))).to.be.at.least(4.5);
    expect(shortContrasts(built.banner!).join('; '), 'banner of the bundle').to.equal('');
    expect(site.errors).to.deep.equal([]);
  });
});

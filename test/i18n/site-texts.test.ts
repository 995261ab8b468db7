/**
 * The site's own words: the banner's `title` and `message` slots, `texts` in the JSON block or the
 * `src` file by locale and key, a language we do not ship, the gate's name per language, and the
 * warnings for what cannot be used (our text is shown instead, never an empty button).
 */
import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {TEXT_KEYS} from '../../src/core/text-keys.js';
import {captureWarningsAsync, clearCookies, until} from '../support/helpers.js';
import {harness, ShadowHarness} from '../support/harness.js';

beforeEach(() => clearCookies());
afterEach(() => {
  document.documentElement.lang = 'en';
  clearCookies();
});

const block = (config: unknown) => `<script type="application/json">${JSON.stringify(config)}</script>`;
const trimmed = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

async function consent(markup: string): Promise<CookieConsent> {
  const el = await fixture<CookieConsent>(markup);
  await until(() => !!harness(el).banner, 'the banner');
  return el;
}

/** What a part shows: its own text and what is slotted into it. */
function shown(el: CookieConsent, part: string): string {
  const element = harness(el).part(part);
  const slotted = [...(element?.querySelectorAll('slot') ?? [])].flatMap((slot) =>
    slot.assignedNodes({flatten: true}).map((node) => node.textContent)
  );
  return [element?.textContent, ...slotted].join(' ').replace(/\s+/g, ' ').trim();
}

describe('the title and message slots', () => {
  it("show the site's own markup, links included, instead of our texts, and our texts when it goes", async () => {
    const el = await consent(`<cookie-consent>
      <span slot="title">Cookies at the Gazette</span>
      <span slot="message">We use cookies for a better site. Read <a href="/our-cookies">our cookie page</a>.</span>
    </cookie-consent>`);
    await until(() => shown(el, 'title') === 'Cookies at the Gazette', 'the slotted title');
    expect(shown(el, 'message')).to.equal('We use cookies for a better site. Read our cookie page.');
    expect(shown(el, 'message')).not.to.include('This site uses cookies');
    const link = el.querySelector('a')!;
    expect(link.assignedSlot ?? link.parentElement?.assignedSlot, 'slotted').not.to.equal(null);
    expect(link.getBoundingClientRect().height, 'the link is rendered').to.be.greaterThan(0);

    el.querySelector('[slot=title]')!.remove();
    await until(() => shown(el, 'title') === 'Cookies on this site', 'our title back');
    expect(shown(el, 'message')).to.include('We use cookies for a better site.');
  });

  it('replace ours in every language the page is shown in', async () => {
    const el = await consent(
      `<cookie-consent lang="fr"><span slot="message">Notre texte à nous.</span></cookie-consent>`
    );
    await until(() => shown(el, 'accept') === "J'accepte", 'French');
    await until(() => shown(el, 'message') === 'Notre texte à nous.', 'the slotted message');
    expect(shown(el, 'title')).not.to.equal('Cookies on this site');
  });
});

describe('texts in the JSON block', () => {
  it('replace any subset of our texts, in English and in another language, by locale and key', async () => {
    const config = {
      texts: {
        en: {message: 'This website uses cookies for better performance. Do you agree?', accept: 'Yes, fine'},
        'sr-Latn': {message: 'Ovaj sajt koristi kolačiće. Da li se slažete?'},
      },
    };
    const en = await consent(`<cookie-consent>${block(config)}</cookie-consent>`);
    await until(() => shown(en, 'message').startsWith('This website uses cookies for better'), 'the English text');
    expect(shown(en, 'accept')).to.equal('Yes, fine');
    expect(shown(en, 'reject')).to.equal("I don't agree");
    en.remove();

    // sr-Latn-RS matches the site's sr-Latn texts as it matches our sr-Latn locale.
    const sr = await consent(`<cookie-consent lang="sr-Latn-RS">${block(config)}</cookie-consent>`);
    await until(() => shown(sr, 'message') === 'Ovaj sajt koristi kolačiće. Da li se slažete?', 'the Serbian text');
    expect(shown(sr, 'accept')).to.equal('Slažem se');
    expect(harness(sr).banner!.lang).to.equal('sr-Latn');
  });

  it('follow the page when its language changes', async () => {
    const config = {texts: {en: {title: 'Our cookies'}, de: {title: 'Unsere Cookies'}}};
    const el = await consent(`<cookie-consent>${block(config)}</cookie-consent>`);
    await until(() => shown(el, 'title') === 'Our cookies', 'English');
    document.documentElement.lang = 'de';
    await until(() => shown(el, 'title') === 'Unsere Cookies', 'German');
    expect(shown(el, 'accept')).to.equal('Ich stimme zu');
  });

  it('reach the panel, the categories, the receipt placeholders and the status notice', async () => {
    const config = {
      texts: {
        en: {
          'panel.title': 'Cookie settings',
          'performance.name': 'Statistics',
          'panel.receipt': 'Saved {date}, reference {id}. {unknown} stays.',
          'status.rejectAll': 'Only the cookies we need, then.',
        },
      },
    };
    const el = await consent(`<cookie-consent>${block(config)}</cookie-consent>`);
    harness(el).click('reject');
    await until(() => trimmed(harness(el).status) === 'Only the cookies we need, then.', 'the status text');
    await el.showPreferences();
    const ui = harness(el);
    expect(trimmed(ui.query('#panel-title'))).to.equal('Cookie settings');
    expect(trimmed(ui.query('label[for=switch-performance]'))).to.equal('Statistics');
    const receipt = trimmed(ui.part('receipt'))!;
    expect(receipt).to.match(/^Saved .+, reference [\w-]+\. \{unknown\} stays\.$/);
  });

  it('are rendered as text, never as markup', async () => {
    const config = {texts: {en: {accept: '<img src=x onerror="window.injected=1">Yes', title: '&lt;b&gt; & <b>'}}};
    const el = await consent(`<cookie-consent>${block(config)}</cookie-consent>`);
    await until(() => shown(el, 'accept').endsWith('Yes'), 'the site text');
    expect(shown(el, 'accept')).to.equal('<img src=x onerror="window.injected=1">Yes');
    expect(shown(el, 'title')).to.equal('&lt;b&gt; & <b>');
    expect(harness(el).query('img')).to.equal(null);
  });

  it('warn once about an unknown key, a value that is not a text and a tag that is not a language, and keep ours', async () => {
    const config = {
      texts: {
        en: {acept: 'Yes', reject: '   ', preferences: 42, title: 'Fine title'},
        'not a tag': {title: 'x'},
        de: 'Hallo',
      },
    };
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await consent(`<cookie-consent>${block(config)}</cookie-consent>`);
      await until(() => shown(el, 'title') === 'Fine title', 'the valid text');
    });
    const ours = warnings.filter((warning) => warning.startsWith('cookie-consent-elements: "texts'));
    expect(ours).to.have.length(5);
    expect(ours.join('\n')).to.include('"texts.en" has the unknown key "acept"');
    expect(ours.join('\n')).to.include('"texts.en.reject" is not a text');
    expect(ours.join('\n')).to.include('"texts.en.preferences" is not a text');
    expect(ours.join('\n')).to.include('"not a tag"');
    expect(ours.join('\n')).to.include('"texts.de" is not an object');
    expect(shown(el, 'accept')).to.equal('I agree');
    expect(shown(el, 'reject')).to.equal("I don't agree");
    expect(shown(el, 'preferences')).to.equal('Choose cookies');
  });
});

describe('a language the library does not ship', () => {
  const cornish = Object.fromEntries(TEXT_KEYS.map((key) => [key, `kw ${key}`]));

  it('is shown in full, with its own lang, when the site gives every key', async () => {
    const el = await consent(`<cookie-consent lang="kw">${block({texts: {kw: cornish}})}</cookie-consent>`);
    await until(() => shown(el, 'accept') === 'kw accept', 'Cornish');
    expect(shown(el, 'title')).to.equal('kw title');
    expect(harness(el).banner!.lang).to.equal('kw');
    expect(harness(el).banner!.dir).to.equal('ltr');
  });

  it('is written right to left when its script is', async () => {
    const el = await consent(
      `<cookie-consent lang="ug">${block({texts: {ug: {...cornish, title: 'ئۇيغۇر'}}})}</cookie-consent>`
    );
    await until(() => shown(el, 'title') === 'ئۇيغۇر', 'Uyghur');
    expect(harness(el).banner!.dir).to.equal('rtl');
  });

  it('warns once naming the missing keys, and shows ours for them', async () => {
    const partial = {...cornish};
    delete partial.reject;
    delete partial['panel.save'];
    let el!: CookieConsent;
    const warnings = await captureWarningsAsync(async () => {
      el = await consent(`<cookie-consent lang="kw-GB">${block({texts: {kw: partial}})}</cookie-consent>`);
      await until(() => shown(el, 'accept') === 'kw accept', 'Cornish');
    });
    const missing = warnings.filter((warning) => warning.includes('does not ship'));
    expect(missing).to.have.length(1);
    expect(missing[0]).to.include('reject, panel.save');
    expect(shown(el, 'reject')).to.equal("I don't agree");
  });
});

describe("the gate's name", () => {
  it('takes the form the language needs from the texts, and the attribute as written otherwise', async () => {
    const config = {texts: {pl: {'gate.name:the video': 'film z Example Video'}}};
    await fixture(`<cookie-consent lang="pl">${block(config)}</cookie-consent>`);
    const gate = await fixture<HTMLElement>(
      `<cookie-consent-gate category="targeting" name="the video"><template><p>Video</p></template></cookie-consent-gate>`
    );
    const message = () => trimmed(new ShadowHarness(gate).part('message'));
    await until(() => !!message()?.includes('film z Example Video'), 'the Polish name');
    expect(message()).not.to.include('the video');
  });
});

describe('src', () => {
  it('takes cookies and texts from a same-origin file; the inline block wins where both say something', async () => {
    const el = await consent(
      `<cookie-consent src="/test/pages/site-config.json">${block({texts: {en: {accept: 'Inline yes'}}})}</cookie-consent>`
    );
    await until(() => shown(el, 'title') === 'Cookies at the Gazette', 'the text from the file');
    expect(shown(el, 'accept')).to.equal('Inline yes');
    const declaration = await fixture<HTMLElement>('<cookie-declaration></cookie-declaration>');
    await until(() => !!new ShadowHarness(declaration).query('td'), 'the declared cookies');
    expect(new ShadowHarness(declaration).text).to.include('_gazette_stats');
    // Fetched once for the page, though the core, the banner and the declaration all use it.
    await el.showPreferences();
    const fetches = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/site-config.json'));
    expect(fetches).to.have.length(1);
  });

  it("warns once about the inline block's mistakes, also after the file arrives", async () => {
    const warnings = await captureWarningsAsync(async () => {
      const el = await consent(
        `<cookie-consent src="/test/pages/site-config.json?delay=300">${block({cookies: {performance: [{purpose: 'x'}]}})}</cookie-consent>`
      );
      await until(() => shown(el, 'title') === 'Cookies at the Gazette', 'the text from the file');
      const declaration = await fixture<HTMLElement>('<cookie-declaration></cookie-declaration>');
      await until(() => !!new ShadowHarness(declaration).query('td'), 'the declared cookies');
    });
    expect(warnings.filter((warning) => warning.includes('has no "name"'))).to.have.length(1);
  });

  it('does not keep the banner waiting: a slow file updates the texts when it comes', async () => {
    const el = await consent(`<cookie-consent src="/test/pages/site-config.json?delay=1500"></cookie-consent>`);
    expect(shown(el, 'title'), 'shown before the file came').to.equal('Cookies on this site');
    await until(() => shown(el, 'title') === 'Cookies at the Gazette', 'the text from the file', 4000);
  });

  it('warns when the file cannot be loaded or is on another origin, and the banner works', async () => {
    const warnings = await captureWarningsAsync(async () => {
      const missing = await consent(`<cookie-consent src="/test/pages/no-such-config.json"></cookie-consent>`);
      await until(() => shown(missing, 'accept') === 'I agree', 'the banner');
      missing.remove();
      const other = await consent(`<cookie-consent src="https://example.invalid/config.json"></cookie-consent>`);
      await until(() => shown(other, 'accept') === 'I agree', 'the banner');
      await new Promise((resolve) => setTimeout(resolve, 300));
      harness(other).click('accept');
      expect(other.consent?.performance).to.equal(true);
    });
    expect(warnings.join('\n')).to.include('could not load src="/test/pages/no-such-config.json"');
    expect(warnings.join('\n')).to.include(
      `src="https://example.invalid/config.json" is not a URL of this site's own origin`
    );
  });
});

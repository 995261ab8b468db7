/**
 * Whole-page tests: plain HTML pages load the built `dist/cookie-consent.js` the way a site does,
 * in an iframe of the test page, and we check what the visitor and the site see.
 */
import {expect} from '@open-wc/testing';
import {clearCookies, until} from '../support/helpers.js';
import {freshSiteFrameEachTest, type SiteFrame} from '../support/site-frame.js';
import {ShadowHarness} from '../support/harness.js';

let site: SiteFrame;

freshSiteFrameEachTest((frame) => (site = frame));

describe('the script-tag bundle on a plain page', () => {
  it('keeps a refusal that a copy of the cookie on a deeper path would otherwise undo', async () => {
    const old = {v: 1, rev: '1', at: Date.now() - 1000, id: crypto.randomUUID(), granted: ['performance', 'targeting']};
    // Sent before the page's own cookie on path /, as an older setting of the site might have left it.
    document.cookie = `cookie_consent=${encodeURIComponent(JSON.stringify(old))}; path=/test/`;
    try {
      await site.open('/test/pages/site.html');
      expect(site.element.consent!.targeting, 'the copy is read').to.equal(true);
      site.element.rejectAll();
      await site.reload();
      expect(site.element.consent).to.deep.equal({
        necessary: true,
        performance: false,
        functionality: false,
        targeting: false,
      });
    } finally {
      document.cookie = 'cookie_consent=; path=/test/; max-age=0';
    }
  });

  it('asks on the first visit, stores the decision, and stays quiet on the next page view', async () => {
    let win = await site.open('/test/pages/site.html');
    expect(site.ui.banner !== null, 'banner on first visit').to.equal(true);
    expect(win.consentEvents).to.deep.equal([]);

    site.ui.click('reject');
    expect(win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['reject-all']);
    const cookie = win.document.cookie.split('; ').find((entry) => entry.startsWith('cookie_consent='));
    expect(cookie, 'decision cookie').to.be.a('string');
    const stored = JSON.parse(decodeURIComponent(cookie!.slice('cookie_consent='.length)));
    expect(stored.granted).to.deep.equal([]);

    win = await site.reload();
    expect(site.ui.banner === null, 'no banner after a decision').to.equal(true);
    expect(site.ui.dialog === null, 'no panel').to.equal(true);
    expect(win.consentEvents).to.have.length(1);
    expect(win.consentEvents[0]).to.deep.equal({
      consent: {necessary: true, performance: false, functionality: false, targeting: false},
      changed: [],
      reason: 'stored',
      consentId: stored.id,
      decidedAt: stored.at,
    });
    expect(site.errors).to.deep.equal([]);
  });

  it("reads the decision cookie once on a returning visitor's page load", async () => {
    await site.open('/test/pages/site.html');
    site.element.rejectAll();
    const win = (await site.open('/test/pages/cookie-reads.html')) as unknown as Window & {cookieReads: number};
    await site.element.updateComplete;
    if (win.document.readyState !== 'complete') await new Promise((resolve) => win.addEventListener('load', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(site.element.consent?.performance).to.equal(false);
    // One read (js-cookie's get, made to look at document.cookie once); the page's first pageshow adds none.
    expect(win.cookieReads).to.equal(1);
  });

  it('loads the core alone for a returning visitor, the UI and Lit with it on a first visit, the rest when used', async () => {
    const files = (win: Window) =>
      win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/dist/'))
        .map((path) => path.slice('/dist/'.length).replace(/-[\w-]{8}\.js$/, ''))
        .sort();
    let win = await site.open('/test/pages/site.html');
    expect(files(win)).to.deep.equal(['cookie-consent.js', 'host-ui', 'lit', 'locale-list']);
    site.ui.click('preferences');
    await site.element.updateComplete;
    expect(files(win)).to.deep.equal(['cookie-consent.js', 'host-ui', 'lit', 'locale-list', 'panel', 'texts']);
    site.ui.click('save');
    // A returning visitor, shown nothing, loads no UI and no Lit.
    win = await site.reload();
    await site.element.updateComplete;
    expect(win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['stored']);
    expect(files(win)).to.deep.equal(['cookie-consent.js']);
    expect(site.ui.renderedElements()).to.deep.equal([]);

    // The page with a JSON block, Consent Mode, a gate and a French visitor fetches what it uses.
    clearCookies();
    win = await site.open('/test/pages/french.html');
    await until(() => site.ui.banner !== null, 'the French banner');
    expect(files(win)).to.include.members(['cookie-consent.js', 'locales/fr.js', 'runtime']);
    win = await site.open('/test/pages/gating.html');
    await site.element.updateComplete;
    expect(files(win)).to.include.members(['consent-mode', 'withdrawal', 'site-config']);
  });

  it("fetches the visitor's locale and lit-localize's runtime while the UI downloads, not after it", async () => {
    // The UI and Lit take 400 ms more to arrive than the rest.
    const win = await site.open('/test/pages/french-slow-ui.html');
    await until(() => site.ui.part('accept')?.textContent?.includes("J'accepte") === true, 'the French banner');
    const timing = (name: string) =>
      win.performance
        .getEntriesByType('resource')
        .find((entry) => new RegExp(`/dist/${name}`).test(entry.name)) as PerformanceResourceTiming;
    const ui = timing('host-ui-');
    for (const name of ['locales/fr.js', 'runtime-']) {
      expect(timing(name).startTime, `${name} asked for before the UI arrived`).to.be.below(ui.responseEnd);
    }
    expect(site.errors).to.deep.equal([]);
  });

  it('styles the banner, the panel and the gate with style elements where stylesheets cannot be constructed', async () => {
    const win = await site.open('/test/pages/old-browser.html');
    const banner = site.ui.banner!;
    expect(win.getComputedStyle(banner).position).to.equal('fixed');
    const gate = new ShadowHarness(win.document.querySelector('cookie-consent-gate')!);
    await until(() => gate.part('placeholder') != null, 'the gate placeholder');
    expect(win.getComputedStyle(gate.part('placeholder')!).display).to.equal('grid');
    expect(gate.queryAll('style')).to.have.length(4);
    // Lit gives each shadow root its own style elements: the banner's four (tokens, buttons, layout, its own).
    site.ui.click('preferences');
    await until(() => site.ui.dialog?.open === true, 'the panel');
    const toggle = site.ui.switch('performance')!;
    expect(win.getComputedStyle(toggle).appearance).to.equal('none');
    expect(site.ui.queryAll('style')).to.have.length(8, "the banner's four and the panel's four");
    expect(site.errors).to.deep.equal([]);
  });

  it('still decides when the panel cannot be loaded (an old cached bundle after an upgrade), warning once', async () => {
    const win = await site.open('/test/pages/stale.html');
    const warnings: string[] = [];
    win.console.warn = (message: unknown) => warnings.push(String(message));
    const preferences = site.ui.part('preferences')!;
    preferences.focus();
    preferences.click();
    await until(() => warnings.length > 0, 'a warning');
    win.document.querySelector<HTMLElement>('[data-cookie-preferences]')!.click();
    await site.element.updateComplete;
    expect(warnings).to.deep.equal(['cookie-consent-elements: could not load the banner or the preferences panel.']);
    expect(site.ui.dialog === null, 'no panel').to.equal(true);
    expect(site.ui.banner !== null, 'the banner stays').to.equal(true);
    expect(site.ui.activeElement === preferences, 'focus stays on its button').to.equal(true);
    site.ui.click('reject');
    expect(win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['reject-all']);
    await until(() => site.ui.banner === null, 'the banner to go once decided');
    expect(site.errors).to.deep.equal([]);
  });

  it('opens the panel from the page\'s "Cookie Management" link and changes the decision', async () => {
    const win = await site.open('/test/pages/site.html');
    site.ui.click('accept');
    win.document.querySelector<HTMLElement>('[data-cookie-preferences]')!.click();
    await site.element.updateComplete;
    const dialog = site.ui.dialog!;
    expect(dialog.open).to.equal(true);
    site.ui.switch('targeting')!.click();
    site.ui.click('save');
    const last = win.consentEvents.at(-1)!;
    expect(last.reason).to.equal('save');
    expect(last.changed).to.deep.equal(['targeting']);
    expect(last.consent.targeting).to.equal(false);
    expect(last.consent.performance).to.equal(true);
  });

  it('reloads the page after a withdrawal with reload-on-withdraw, and not after a grant', async () => {
    await site.open('/test/pages/reload-on-withdraw.html');
    let reloads = 0;
    site.frame.addEventListener('load', () => reloads++);
    site.element.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reloads, 'no reload after a grant').to.equal(0);
    const reloaded = site.loaded();
    site.element.save({performance: false});
    await reloaded;
    expect(reloads).to.equal(1);
    const win = await site.settle();
    expect(win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['stored']);
    expect(win.consentEvents[0].consent.performance).to.equal(false);
  });

  it('replays the stored decision to a listener that a later module script adds', async () => {
    await site.open('/test/pages/site.html');
    site.element.acceptAll();
    const win = await site.open('/test/pages/late-listener.html');
    expect(win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['stored']);
    // The bundle defines the element in a microtask after its own body: still before the next script.
    expect((win as Window & {upgradedForLaterScripts?: boolean}).upgradedForLaterScripts).to.equal(true);
  });

  it('loads the gate and the declaration only when the page uses them, also when added later', async () => {
    const win = await site.open('/test/pages/site.html');
    const chunks = () =>
      win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/dist/elements-'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(chunks(), 'not loaded on a page without them').to.have.length(0);
    expect(win.customElements.get('cookie-declaration')).to.equal(undefined);
    const declaration = win.document.createElement('cookie-declaration');
    win.document.body.append(declaration);
    await win.customElements.whenDefined('cookie-declaration');
    await (declaration as HTMLElement & {updateComplete: Promise<boolean>}).updateComplete;
    expect(new ShadowHarness(declaration).queryAll('h3').length).to.equal(4);
    expect(chunks()).to.have.length(1);
    // A gate that comes inside other added markup is found too.
    const article = win.document.createElement('article');
    article.innerHTML =
      '<div><cookie-consent-gate category="targeting"><template><p>Video</p></template></cookie-consent-gate></div>';
    win.document.body.append(article);
    await win.customElements.whenDefined('cookie-consent-gate');
    const gate = article.querySelector('cookie-consent-gate') as HTMLElement & {updateComplete: Promise<boolean>};
    await gate.updateComplete;
    expect(new ShadowHarness(gate).part('button') !== null, 'the gate placeholder').to.equal(true);
    expect(chunks()).to.have.length(1);
  });

  it('survives being loaded twice: one element definition, no errors', async () => {
    const win = await site.open('/test/pages/twice.html');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(site.errors).to.deep.equal([]);
    expect(site.ui.banner !== null).to.equal(true);
    site.ui.click('accept');
    expect(win.consentEvents).to.have.length(1);
    const stored = win.document.cookie;
    const again = await site.reload();
    expect(
      again.consentEvents.map((detail) => detail.reason),
      'one element, one replay'
    ).to.deep.equal(['stored']);
    expect(again.document.cookie, 'the decision survives the second copy').to.equal(stored);
    expect(site.errors).to.deep.equal([]);
  });
});

describe("the bundle in the visitor's language", () => {
  it('paints the banner in French first on a French page, loading only that locale beside the bundle', async () => {
    const win = await site.open('/test/pages/french.html');
    for (let i = 0; i < 100 && !win.firstBannerText; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(win.firstBannerText).to.equal("J'accepte");
    const chunks = win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/locales/'));
    expect(chunks).to.deep.equal(['/dist/locales/fr.js']);
  });

  it("keeps a host app's own lit-localize working beside the bundle's copy", async () => {
    const win = await site.open('/test/pages/host-lit-localize.html');
    for (let i = 0; i < 100 && !site.ui.banner; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(win.hostApp).to.deep.equal({locale: 'fr', greeting: 'Bonjour'});
    expect(site.ui.part('accept')!.textContent!.trim()).to.equal('Accetto');
    expect(site.errors).to.deep.equal([]);
  });
});

describe('a decision made before the page finished parsing', () => {
  it('is not followed by a second, "stored" event', async () => {
    const loaded = site.loaded();
    site.frame.src = '/test/pages/slow-parse.html';
    await until(() => !!site.ui.part('accept'), 'the banner', 5000);
    site.ui.click('accept');
    await loaded;
    expect(site.win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['accept-all']);
  });
});

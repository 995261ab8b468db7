/**
 * The built bundle on pages it does not own: a strict CSP with and without Trusted Types (also
 * with an allow-list of policy names, next to the page's own Lit),
 * aggressive CSS, and a page that configured nothing (the library must stay quiet).
 */
import {expect} from '@open-wc/testing';
import {until} from '../support/helpers.js';
import {freshSiteFrameEachTest, type SiteFrame, type SiteWindow} from '../support/site-frame.js';
import {ShadowHarness} from '../support/harness.js';

let site: SiteFrame;
freshSiteFrameEachTest((frame) => (site = frame));

/** Violations other than the test server's own injected reload script. */
const ours = (win: SiteWindow) => win.violations!.filter((violation) => !violation.includes('__web-dev-server__'));

for (const [page, what] of [
  ['/test/pages/strict.html', "script-src 'nonce-…' 'strict-dynamic'; style-src 'self'"],
  ['/test/pages/strict.html?trusted-types', "the same and require-trusted-types-for 'script'"],
  [
    '/test/pages/strict.html?trusted-types=allow-list',
    "the same with a trusted-types allow-list, after the page's own Lit made its lit-html policy",
  ],
] as const) {
  describe(`under ${what}`, () => {
    it('renders and runs every element, activates gated scripts, and causes no violation or error', async () => {
      const win = await site.open(page);
      const gate = win.document.querySelector('cookie-consent-gate')!;
      const declaration = win.document.querySelector('cookie-declaration')!;
      const declared = new ShadowHarness(declaration);
      await until(() => !!site.ui.banner, 'the banner');
      // The gate and the declaration come in a lazy chunk, which the CSP must let load too.
      await until(() => !!new ShadowHarness(gate).part('button'), 'the gate placeholder');
      await until(() => !!declared.query('table'), 'the declaration');
      // The site's declared performance cookies, and our own cookie under strictly necessary.
      expect(declared.queryAll('table').length, 'declaration tables').to.equal(2);
      const bannerStyle = win.getComputedStyle(site.ui.banner!);
      expect(bannerStyle.position, 'styles applied').to.equal('fixed');

      await site.element.showPreferences();
      expect(site.ui.dialog!.open).to.equal(true);
      site.ui.click('accept-all');
      await until(() => (win.ran ?? []).length >= 3, 'gated scripts');
      expect(win.ran).to.deep.equal(['inline', 'external', 'module:string']);
      await until(() => !!gate.querySelector('iframe'), 'the gate content');
      await (declaration as HTMLElement & {updateComplete: Promise<boolean>}).updateComplete;
      expect(declared.text).to.include('Allowed');
      expect(ours(win)).to.deep.equal([]);
      expect(site.errors).to.deep.equal([]);
    });

    it("runs no gated script put into the page as markup, only the page's own, which carry its nonce", async () => {
      const win = (await site.open(page)) as MarkupWindow;
      await until(() => !!site.ui.banner, 'the banner');
      // What an HTML sink of the page would write (under Trusted Types, through the page's own policy).
      const sink = win.document.createElement('div');
      win.document.body.append(sink);
      const markup = INJECTED;
      sink.innerHTML = win.pageHtml?.createHTML(markup) ?? markup;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(win.ran ?? [], 'before any decision').to.deep.equal([]);

      site.element.acceptAll();
      await until(() => (win.ran ?? []).length >= 3, 'gated scripts');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(win.ran).to.deep.equal(['inline', 'external', 'module:string']);
      expect(ours(win)).to.deep.equal([]);
      expect(site.errors).to.deep.equal([]);
    });
  });
}

type MarkupWindow = SiteWindow & {pageHtml?: {createHTML(html: string): string}};

/** Gated markup as an attacker would inject it: gated on `necessary` alone, without a nonce, with a guessed one. */
const INJECTED = `
  <script type="text/plain" data-cookie-consent="necessary">(window.ran = window.ran || []).push('necessary');</script>
  <script type="text/plain" data-cookie-consent="performance">(window.ran = window.ran || []).push('no nonce');</script>
  <script type="text/plain" data-cookie-consent="performance" nonce="guessed">window.ran.push('a wrong nonce');</script>
  <script type="text/plain" data-cookie-consent="performance" data-name="injected" src="gated.js"></script>
`;

describe('two copies of the bundle under a trusted-types allow-list without allow-duplicates', () => {
  it('share their policies: the panel opens and a returning visitor can withdraw', async () => {
    await site.open('/test/pages/strict-twice.html?trusted-types=allow-list');
    await until(() => !!site.ui.banner, 'the banner');
    site.element.acceptAll();
    const win = await site.reload();
    await until(() => (win.ran ?? []).length === 1, 'the gated script');
    await site.element.showPreferences();
    expect(site.ui.dialog!.open).to.equal(true);
    site.ui.click('reject-all');
    expect(site.element.consent!.performance).to.equal(false);
    expect(win.document.cookie).to.include('cookie_consent');
    expect(ours(win)).to.deep.equal([]);
    expect(site.errors).to.deep.equal([]);
  });
});

describe('aggressive host CSS', () => {
  it('leaves the banner visible on top, readable, and usable', async () => {
    const win = await site.open('/test/pages/hostile-css.html');
    await until(() => !!site.ui.banner, 'the banner');
    const accept = site.ui.part('accept')!;
    const box = accept.getBoundingClientRect();
    expect(box.height, 'button height').to.be.at.least(24);
    expect(box.width).to.be.at.least(24);
    expect(parseFloat(win.getComputedStyle(accept).fontSize), 'font size').to.be.at.least(14);
    const onTop = win.document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(onTop?.localName, 'nothing covers the banner').to.equal('cookie-consent');
    accept.click();
    expect(site.element.consent!.performance).to.equal(true);
  });
});

describe('quiet by default', () => {
  function requests(win: SiteWindow) {
    return win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.replace(/-[\w-]{8}\.js$/, ''))
      .filter((path) => !path.startsWith('/__web-dev-server'))
      .sort();
  }
  const FIRST_VISIT = [
    '/dist/cookie-consent.js',
    '/dist/host-ui',
    '/dist/lit',
    '/dist/locale-list',
    '/test/pages/spy-storage.js',
  ];

  it('requests, sets and stores nothing but its own cookie, on a first visit and after a refusal', async () => {
    const win = (await site.open('/test/pages/quiet.html')) as SiteWindow & {storageWrites: string[]};
    await until(() => !!site.ui.banner, 'the banner');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests(win)).to.deep.equal(FIRST_VISIT);
    expect(win.document.cookie).to.equal('');
    expect(win.storageWrites).to.deep.equal([]);
    expect(win.localStorage.length + win.sessionStorage.length).to.equal(0);

    site.ui.click('reject');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests(win)).to.deep.equal(FIRST_VISIT);
    expect(win.document.cookie.split('; ').map((cookie) => cookie.split('=')[0])).to.deep.equal(['cookie_consent']);
    expect(win.storageWrites).to.deep.equal([]);
  });
});

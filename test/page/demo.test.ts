/**
 * The demo site as a visitor opens it, from `demo/` with the built bundle: the article shows the
 * banner, and the banner playground shows its settings live on its own `<cookie-consent>` and in
 * the code it offers to copy.
 */
import {expect} from '@open-wc/testing';
import {resetMouse, sendMouse} from '@web/test-runner-commands';
import {until} from '../support/helpers.js';
import {freshSiteFrameEachTest, type SiteFrame, type SiteWindow} from '../support/site-frame.js';

let site: SiteFrame;
freshSiteFrameEachTest((frame) => (site = frame));

const shown = (part: string) => site.ui.part(part)?.textContent?.replace(/\s+/g, ' ').trim();

/** The playground, once its list of languages has arrived and its first preview is shown. */
async function openPlayground(): Promise<SiteWindow> {
  const win = await site.open('/demo/playground.html');
  await until(() => !!win.document.querySelector('#lang option[value="fr"]'), 'the list of languages');
  await until(() => !!site.ui.banner, 'the preview banner');
  return win;
}

function field<T extends HTMLElement = HTMLInputElement>(win: SiteWindow, id: string): T {
  const found = win.document.getElementById(id);
  if (!found) throw new Error(`no #${id} in the playground`);
  return found as T;
}

/** Changes a form control as a visitor does: its value, then `input` and `change`. */
function set(win: SiteWindow, id: string, value: string | boolean): void {
  const control = field(win, id);
  if (typeof value === 'boolean') control.checked = value;
  else control.value = value;
  control.dispatchEvent(new win.Event('input', {bubbles: true}));
  control.dispatchEvent(new win.Event('change', {bubbles: true}));
}

/**
 * axe, run inside the frame on its whole document (chai-a11y-axe runs it in the test's own page).
 * A same-origin script, so the page's CSP allows it.
 */
async function axeViolations(win: SiteWindow): Promise<{id: string; nodes: {target: string[]}[]}[]> {
  const withAxe = win as SiteWindow & {
    axe?: {run(context: Document): Promise<{violations: {id: string; nodes: {target: string[]}[]}[]}>};
  };
  if (!withAxe.axe) {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    win.document.head.append(script);
    await loaded;
  }
  const {violations} = await withAxe.axe!.run(win.document);
  return violations;
}

const snippet = (win: SiteWindow) => field(win, 'snippet').textContent ?? '';

describe('the demo', () => {
  it('shows the banner on the article, and links to the playground', async () => {
    const win = await site.open('/demo/');
    await until(() => !!site.ui.banner, 'the banner');
    expect(shown('title')).to.equal('Cookies on this site');
    const link = [...win.document.querySelectorAll('a')].find((a) => a.textContent === 'Banner playground');
    expect(link?.getAttribute('href')).to.equal('playground.html');
    expect(site.errors).to.deep.equal([]);
  });
});

describe('the banner playground', () => {
  it('starts with our banner, a preview cookie of its own, and the plain snippet', async () => {
    const win = await openPlayground();
    expect(win.document.querySelectorAll('cookie-consent').length).to.equal(1);
    expect(site.element.getAttribute('cookie-name')).to.equal('playground_consent');
    expect(shown('title')).to.equal('Cookies on this site');
    expect(snippet(win)).to.include('<script type="module" src="/path/to/dist/cookie-consent.js"></script>');
    expect(snippet(win)).to.include('<cookie-consent policy-url="cookies.html"></cookie-consent>');
    expect(snippet(win), 'no cookie-name of the preview').not.to.include('playground_consent');
    expect(snippet(win), 'no colours set').not.to.include('<style>');
    expect(site.errors).to.deep.equal([]);
  });

  it('shows the box layout', async () => {
    const win = await openPlayground();
    set(win, 'layout', 'box');
    await until(() => site.element.getAttribute('layout') === 'box' && !!site.ui.banner, 'the box');
    await site.element.updateComplete;
    site.ui.finishAnimations();
    const box = site.ui.banner!.getBoundingClientRect();
    expect(box.width, 'a box, not a bar').to.be.below(win.innerWidth / 2);
    expect(win.document.querySelectorAll('cookie-consent').length, 'the old preview is gone').to.equal(1);
    expect(snippet(win)).to.include('<cookie-consent policy-url="cookies.html" layout="box">');
  });

  it('shows the banner in the language chosen', async () => {
    const win = await openPlayground();
    set(win, 'lang', 'fr');
    await until(() => shown('accept') === "J'accepte", 'the French banner');
    expect(site.element.getAttribute('lang')).to.equal('fr');
    expect(snippet(win)).to.include('lang="fr"');
  });

  it('leaves out a category that is unticked, in the panel and the snippet', async () => {
    const win = await openPlayground();
    set(win, 'category-targeting', false);
    await until(() => site.element.getAttribute('categories') === 'performance functionality', 'the new preview');
    await site.element.showPreferences();
    expect(site.ui.switches.map((input) => input.id)).to.deep.equal([
      'switch-necessary',
      'switch-performance',
      'switch-functionality',
    ]);
    expect(site.ui.switch('targeting')).to.equal(null);
    expect(snippet(win)).to.include('categories="performance functionality"');
    site.ui.dialog!.close();
  });

  it("shows the site's title in the banner as text, and escapes it in the snippet", async () => {
    const win = await openPlayground();
    const title = 'Cookies & us <b> </script><script>alert(1)</script>';
    set(win, 'text-title', title);
    await until(() => shown('title') === title, 'the title, as text');
    const code = snippet(win);
    expect(code).to.include('<script type="application/json">');
    expect(code).to.include('"title": "Cookies & us \\u003cb> \\u003c/script>\\u003cscript>alert(1)\\u003c/script>"');
    // Pasted into a page, the block holds exactly the title.
    const pasted = new DOMParser().parseFromString(code, 'text/html');
    const block = pasted.querySelector('cookie-consent > script[type="application/json"]')!;
    expect(JSON.parse(block.textContent!)).to.deep.equal({texts: {en: {title}}});
    expect(pasted.querySelectorAll('script').length, 'no script smuggled out').to.equal(2);
  });

  it('puts the texts under the language chosen', async () => {
    const win = await openPlayground();
    set(win, 'lang', 'de');
    set(win, 'text-accept', 'Ja, gern');
    await until(() => shown('accept') === 'Ja, gern', 'the German accept text');
    const block = new DOMParser()
      .parseFromString(snippet(win), 'text/html')
      .querySelector('cookie-consent > script[type="application/json"]')!;
    expect(JSON.parse(block.textContent!)).to.deep.equal({texts: {de: {accept: 'Ja, gern'}}});
  });

  it('escapes the policy address in the snippet', async () => {
    const win = await openPlayground();
    set(win, 'policy-url', '/cookies?a=1&b="2"><script>');
    const pasted = new DOMParser().parseFromString(snippet(win), 'text/html');
    expect(pasted.querySelector('cookie-consent')!.getAttribute('policy-url')).to.equal('/cookies?a=1&b="2"><script>');
  });

  it('sets a colour on the element and in the snippet, and none until one is chosen', async () => {
    const win = await openPlayground();
    const picker = field(win, 'accent');
    expect(picker.disabled, 'no colour until the box is ticked').to.equal(true);
    set(win, 'set-accent', true);
    expect(picker.disabled).to.equal(false);
    set(win, 'accent', '#00ff00');
    await until(() => site.element.style.getPropertyValue('--cookie-consent-accent') === '#00ff00', 'the accent');
    expect(snippet(win)).to.include('cookie-consent {\n    --cookie-consent-accent: #00ff00;\n  }');
    // The banner's buttons use it (made darker, if need be, so that their text reads).
    await until(() => !!site.ui.part('accept'), 'the banner');
    expect(win.getComputedStyle(site.ui.part('accept')!).backgroundColor).not.to.equal('rgb(29, 78, 216)');

    set(win, 'set-accent', false);
    await until(() => site.element.style.getPropertyValue('--cookie-consent-accent') === '', 'no accent');
    expect(snippet(win)).not.to.include('--cookie-consent-accent');
  });

  it('turns Google Consent Mode on in the preview and the snippet', async () => {
    const win = await openPlayground();
    set(win, 'google-consent-mode', true);
    await until(() => site.element.hasAttribute('google-consent-mode'), 'the attribute');
    expect(snippet(win)).to.include('<cookie-consent policy-url="cookies.html" google-consent-mode>');
  });

  it('forgets a choice made in the preview, so a change shows the banner again', async () => {
    const win = await openPlayground();
    site.ui.click('reject');
    await until(() => !site.ui.banner, 'the banner to go');
    set(win, 'theme', 'dark');
    await until(() => site.element.getAttribute('theme') === 'dark' && !!site.ui.banner, 'the banner again');
    expect(win.document.cookie, "the demo's own decision is untouched").not.to.match(/(^|; )cookie_consent=/);

    site.ui.click('accept');
    await until(() => !site.ui.banner, 'the banner to go');
    field(win, 'show-banner').click();
    await until(() => !!site.ui.banner, 'the banner, on "Show the banner"');
  });

  it('opens the panel', async () => {
    const win = await openPlayground();
    field(win, 'show-panel').click();
    await until(() => !!site.ui.dialog?.open, 'the panel');
    site.ui.dialog!.close();
  });

  it('copies the snippet to the clipboard on a click, and says so', async () => {
    // The browser lets a frame write to the clipboard when the frame is allowed to and the click is real.
    site.frame.allow = 'clipboard-write';
    const win = await openPlayground();
    set(win, 'layout', 'box');
    const {clipboard} = win.navigator;
    const write = clipboard.writeText.bind(clipboard);
    const written: Promise<void>[] = [];
    const copied: string[] = [];
    // Reading the clipboard back needs a permission the test runner does not grant: watch the write.
    Object.defineProperty(clipboard, 'writeText', {
      value: (text: string) => {
        copied.push(text);
        const done = write(text);
        written.push(done);
        return done;
      },
      configurable: true,
    });
    const button = field(win, 'copy');
    // At the top of the frame, clear of the banner at the bottom.
    button.scrollIntoView({block: 'start'});
    const inner = button.getBoundingClientRect();
    const [x, y] = [inner.x + inner.width / 2, inner.y + inner.height / 2];
    expect(win.document.elementFromPoint(x, y), 'the button can be clicked').to.equal(button);
    const outer = site.frame.getBoundingClientRect();
    try {
      await sendMouse({type: 'click', position: [Math.round(outer.x + x), Math.round(outer.y + y)]});
    } finally {
      await resetMouse();
    }
    const status = field(win, 'copy-status');
    await until(() => status.textContent !== '', 'the status');
    expect(copied).to.deep.equal([snippet(win)]);
    await Promise.all(written);
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal('Copied. Paste it into your page.');
  });

  it('selects the snippet and says how to copy it when the browser does not let the page copy', async () => {
    const win = await openPlayground();
    Object.defineProperty(win.navigator, 'clipboard', {
      value: {writeText: () => Promise.reject(new DOMException('Not allowed', 'NotAllowedError'))},
      configurable: true,
    });
    field(win, 'copy').click();
    const status = field(win, 'copy-status');
    await until(() => status.textContent !== '', 'the status');
    expect(status.textContent).to.match(/did not let this page copy/);
    expect(win.getSelection()!.toString()).to.equal(snippet(win));
  });

  it("fits a phone's width: only the code scrolls sideways, inside its box", async () => {
    site.frame.width = '375';
    const win = await openPlayground();
    set(win, 'text-message', 'A message long enough to need more than one line on a phone, as most are.');
    await until(() => shown('message')?.startsWith('A message') === true, 'the message');
    expect(win.document.documentElement.scrollWidth).to.equal(win.innerWidth);
  });

  it('passes axe, the whole page with the banner shown', async () => {
    const win = await openPlayground();
    set(win, 'set-accent', true);
    set(win, 'text-title', 'Our cookies');
    await until(() => shown('title') === 'Our cookies', 'the preview');
    const found = (await axeViolations(win)).flatMap(({id, nodes}) => nodes.map(({target}) => `${id}: ${target}`));
    // axe takes an in-page link for a skip link only when no other link comes before it; the
    // banner's policy link does (<cookie-consent> is first in <body>, as the README asks), so
    // "Skip to content" is reported as content outside the landmarks.
    expect(found.filter((violation) => violation !== 'region: .skip-link')).to.deep.equal([]);
  });
});

/**
 * Nothing tracks before consent: gated scripts and embeds on plain pages using the built bundle,
 * withdrawal, and decisions reaching the site's other tabs.
 */
import {expect} from '@open-wc/testing';
import {until} from '../support/helpers.js';
import {freshSiteFrameEachTest, SiteFrame, type SiteWindow} from '../support/site-frame.js';

let site: SiteFrame;

function requested(win: SiteWindow, fragment: string): number {
  return win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes(fragment)).length;
}

freshSiteFrameEachTest((frame) => (site = frame));

describe('gated scripts and embeds', () => {
  it('run nothing and load nothing before consent', async () => {
    const win = await site.open('/test/pages/gating.html');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(win.ran ?? []).to.deep.equal([]);
    expect(requested(win, 'gated.js')).to.equal(0);
    expect(requested(win, 'embed.html')).to.equal(0);
    expect(requested(win, 'pixel.svg')).to.equal(0);
    expect(win.document.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
  });

  it('run in document order once their categories are granted, each only once', async () => {
    const win = await site.open('/test/pages/gating.html');
    site.element.save({performance: true});
    await until(() => (win.ran ?? []).length >= 4, 'performance scripts');
    expect(win.ran).to.deep.equal(['slow', 'inline', 'fast', 'module:string']);
    expect(win.document.querySelector('img')!.getAttribute('src')).to.equal('pixel.svg?from=img');
    expect(win.document.querySelector('iframe')!.hasAttribute('src'), 'targeting iframe').to.equal(false);

    site.element.acceptAll();
    await until(() => win.ran!.length >= 6, 'targeting scripts');
    expect(win.ran!.slice(4).sort()).to.deep.equal(['ads', 'both']);
    expect(win.document.querySelector('iframe')!.getAttribute('src')).to.equal('embed.html?from=iframe');

    site.element.rejectAll();
    site.element.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(win.ran).to.have.length(6);
    const activated = win.document.querySelector<HTMLScriptElement>('script[data-name="fast"]')!;
    expect(activated.type).to.equal('');
    expect(activated.getAttribute('data-cookie-consent')).to.equal('performance');
  });

  it('run at load for a returning visitor, after the Consent Mode default and update', async () => {
    await site.open('/test/pages/gating.html');
    site.element.save({performance: true});
    const win = await site.reload();
    await until(() => (win.ran ?? []).length >= 4, 'performance scripts');
    expect(win.ran).to.deep.equal(['slow', 'inline', 'fast', 'module:string']);
    expect(win.dataLayerAtFirstRun).to.deep.equal(['default', 'ads_data_redaction', 'update']);
  });

  it('activates elements added later, before and after consent', async () => {
    const win = await site.open('/test/pages/gating.html');
    const addScript = (name: string) => {
      const script = win.document.createElement('script');
      script.type = 'text/plain';
      script.dataset.cookieConsent = 'functionality';
      script.dataset.name = name;
      script.src = 'gated.js';
      win.document.body.append(script);
    };
    addScript('added before');
    site.element.save({functionality: true});
    await until(() => (win.ran ?? []).includes('added before'), 'the script added before consent');
    const frame = win.document.createElement('iframe');
    frame.dataset.cookieConsent = 'functionality';
    frame.dataset.src = 'embed.html?late=1';
    const wrapper = win.document.createElement('div');
    wrapper.append(frame);
    win.document.body.append(wrapper);
    addScript('added after');
    await until(() => win.ran!.includes('added after'), 'the script added after consent');
    expect(frame.getAttribute('src')).to.equal('embed.html?late=1');
  });

  it('carry the nonce over and cause no CSP violation under script-src nonce + strict-dynamic', async () => {
    const win = await site.open('/test/pages/csp.html');
    expect(site.ui.banner !== null, 'banner renders under CSP').to.equal(true);
    site.ui.click('accept');
    await until(() => (win.ran ?? []).length >= 2, 'gated scripts under CSP');
    expect(win.ran).to.deep.equal(['inline with nonce', 'external']);
    const inline = win.document.querySelector<HTMLScriptElement>('script[data-cookie-consent]:not([src])')!;
    expect(inline.nonce).to.equal('test-nonce');
    // The test server injects its own reload script into every page; only that one is refused.
    const ours = win.violations!.filter((violation) => !violation.includes('__web-dev-server__'));
    expect(ours).to.deep.equal([]);
  });
});

describe('gated markup put into a page that uses nonces', () => {
  it("never runs, while the page's own placeholders and gate scripts, which carry its nonce, do", async () => {
    const win = (await site.open('/test/pages/csp.html')) as SiteWindow & {gateScriptRan?: boolean};
    // What an HTML sink of the page (innerHTML here) would write.
    const sink = win.document.createElement('div');
    win.document.body.append(sink);
    sink.innerHTML = `
      <script type="text/plain" data-cookie-consent="necessary">(window.ran = window.ran || []).push('necessary');</script>
      <script type="text/plain" data-cookie-consent="performance">window.ran.push('no nonce');</script>
      <script type="text/plain" data-cookie-consent="performance" nonce="guessed">window.ran.push('guessed');</script>
      <script type="text/plain" data-cookie-consent="performance" data-name="injected" src="gated.js"></script>`;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(win.ran ?? [], 'before any decision').to.deep.equal([]);
    site.ui.click('accept');
    await until(() => (win.ran ?? []).length >= 2, 'gated scripts');
    // The gate's template has a script with the page's nonce, which runs, and one without, which does not.
    await until(() => win.gateScriptRan === true, "the gate's script with the nonce");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(win.ran).to.deep.equal(['inline with nonce', 'external']);
    expect(win.violations!.filter((violation) => !violation.includes('__web-dev-server__'))).to.deep.equal([]);
  });
});

describe('withdrawal on a page below the root', () => {
  it('deletes declared cookies set on the page path and its parents', async () => {
    const win = await site.open('/test/pages/gating.html');
    site.element.acceptAll();
    win.document.cookie = '_stats_a=1; path=/';
    win.document.cookie = '_stats_b=1; path=/test';
    win.document.cookie = '_stats_c=1; path=/test/pages/';
    win.document.cookie = '_stats_d=1; path=/test/pages/gating.html';
    win.document.cookie = 'other=1; path=/test/pages/';
    expect(win.document.cookie.match(/_stats_/g)).to.have.length(4);
    site.element.save({performance: false});
    expect(win.document.cookie).not.to.include('_stats_');
    expect(win.document.cookie).to.include('other=1');
    win.document.cookie = 'other=; path=/test/pages/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });
});

describe('decisions across tabs', () => {
  it('reach the other open pages of the site, which update and fire "sync"', async () => {
    const other = new SiteFrame();
    try {
      const here = await site.open('/test/pages/gating.html');
      const there = await other.open('/test/pages/gating.html');
      site.element.save({performance: true});
      await until(() => there.consentEvents.length === 1, 'the sync event');
      expect(there.consentEvents[0].reason).to.equal('sync');
      expect(there.consentEvents[0].changed).to.deep.equal(['performance']);
      expect(there.consentEvents[0].consentId).to.equal(here.consentEvents[0].consentId);
      await other.element.updateComplete;
      expect(other.ui.banner === null, 'banner gone in the other tab').to.equal(true);
      await until(() => (there.ran ?? []).length >= 4, 'scripts in the other tab');
      expect(here.consentEvents.map((detail) => detail.reason)).to.deep.equal(['api']);
    } finally {
      other.remove();
    }
  });

  it('forget the decision in every tab on reset(), which fires cookie-consent-reset', async () => {
    const other = new SiteFrame();
    try {
      await site.open('/test/pages/site.html');
      const there = await other.open('/test/pages/site.html');
      site.element.acceptAll();
      await until(() => there.consentEvents.length === 1, 'the sync event');
      let resets = 0;
      there.document.addEventListener('cookie-consent-reset', () => resets++);
      site.element.reset();
      await until(() => resets === 1, 'the reset in the other tab');
      expect(other.element.consent).to.equal(null);
      await other.element.updateComplete;
      expect(other.ui.banner !== null, 'banner back in the other tab').to.equal(true);
    } finally {
      other.remove();
    }
  });
});

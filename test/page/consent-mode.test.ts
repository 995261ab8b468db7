/** Google Consent Mode v2 on plain pages using the built bundle, and dist/consent-mode.js in <head>. */
import {expect} from '@open-wc/testing';
import {DENIED, GRANTED} from '../support/consent-mode.js';
import {freshSiteFrameEachTest, type SiteFrame, type SiteWindow} from '../support/site-frame.js';

let site: SiteFrame;

/** The dataLayer as `[command, type, state]` triples, checking each entry is an `arguments` object. */
function consentCommands(win: SiteWindow) {
  return (win.dataLayer ?? []).map((entry) => {
    expect(Object.prototype.toString.call(entry)).to.equal('[object Arguments]');
    return Array.from(entry);
  });
}

freshSiteFrameEachTest((frame) => (site = frame));

describe('Google Consent Mode v2', () => {
  it('pushes the default on a first visit, then the update for each decision', async () => {
    const win = await site.open('/test/pages/gating.html');
    expect(consentCommands(win)).to.deep.equal([
      ['consent', 'default', {...DENIED, wait_for_update: 500}],
      ['set', 'ads_data_redaction', true],
    ]);
    site.element.acceptAll();
    site.element.rejectAll();
    site.element.save({performance: true, functionality: true});
    expect(consentCommands(win).slice(2)).to.deep.equal([
      ['consent', 'update', GRANTED],
      ['consent', 'update', DENIED],
      [
        'consent',
        'update',
        {...DENIED, analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted'},
      ],
    ]);
  });

  it('pushes the default then the stored decision for a returning visitor', async () => {
    await site.open('/test/pages/gating.html');
    site.element.save({targeting: true});
    const win = await site.reload();
    expect(consentCommands(win)).to.deep.equal([
      ['consent', 'default', {...DENIED, wait_for_update: 500}],
      ['set', 'ads_data_redaction', true],
      ['consent', 'update', {...DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted'}],
    ]);
  });

  it('consent-mode.js pushes the default, and the stored update, before an ungated tag in <head>', async () => {
    let win = await site.open('/test/pages/consent-mode-head.html');
    const defaults = [
      ['consent', 'default', {...DENIED, wait_for_update: 500}],
      ['set', 'ads_data_redaction', true],
    ];
    expect(win.dataLayerAtTag).to.deep.equal(defaults);
    site.element.save({performance: true});
    win = await site.reload();
    const update = ['consent', 'update', {...DENIED, analytics_storage: 'granted'}];
    expect(win.dataLayerAtTag).to.deep.equal([...defaults, update]);
    // The element adds no second default nor set command, and replays the same update.
    expect(consentCommands(win).map((entry) => entry[1])).to.deep.equal([
      'default',
      'ads_data_redaction',
      'update',
      'update',
    ]);
  });

  it('consent-mode.js pushes no update for a tampered or out-of-date cookie', async () => {
    document.cookie = `cookie_consent=${encodeURIComponent('{"v":1,"rev":"2","granted":["targeting"]}')}; path=/`;
    const win = await site.open('/test/pages/consent-mode-head.html');
    expect(win.dataLayerAtTag?.map((entry) => (entry as unknown[])[1])).to.deep.equal([
      'default',
      'ads_data_redaction',
    ]);
  });

  it("adds its default for every other region to the page's regional one, and url_passthrough", async () => {
    const win = await site.open('/test/pages/consent-mode-region.html');
    await site.element.updateComplete;
    expect(consentCommands(win)).to.deep.equal([
      ['consent', 'default', {ad_storage: 'denied', region: ['US-CA']}],
      ['consent', 'default', {...DENIED, wait_for_update: 500}],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
    ]);
  });

  it('pushes nothing without the attribute', async () => {
    const win = await site.open('/test/pages/site.html');
    site.element.acceptAll();
    expect(win.dataLayer).to.equal(undefined);
  });
});

/**
 * dist/consent-mode.js is written small, apart from the store: it must accept exactly the stored
 * decisions the element accepts, and push the same Consent Mode state for them.
 */
import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import Cookies from 'js-cookie';
import {consentModeState} from '../../src/core/consent-mode.js';
import {parseDecision} from '../../src/core/store.js';
import {setGpc} from '../support/fixtures.js';
import {clearCookies} from '../support/helpers.js';
import {cookieValues} from '../support/cookie-values.js';
import {DENIED as DENIED_STATE} from '../support/consent-mode.js';

const code = await (await fetch('/dist/consent-mode.js')).text();
type LayerWindow = Window & {dataLayer?: IArguments[]};

/** Runs the built script as a site's <head> would, with the given data attributes: its consent commands (`all`: every command). */
function runHeadScript(settings: Record<string, string>, all = false): unknown[][] {
  delete (window as LayerWindow).dataLayer;
  const script = document.createElement('script');
  Object.assign(script.dataset, settings);
  script.text = code;
  document.head.append(script);
  script.remove();
  const layer = ((window as LayerWindow).dataLayer ?? []).map((entry) => Array.from(entry));
  return all ? layer : layer.filter((entry) => entry[0] === 'consent');
}

const canBeWritten = (value: string) => {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
};

afterEach(() => {
  setGpc(undefined);
  clearCookies();
  delete (window as LayerWindow).dataLayer;
});

describe('dist/consent-mode.js', () => {
  it('is under 1 KB compressed', async () => {
    // 800 bytes before the cookie's format 2 and Global Privacy Control, 960 with the exemptions and
    // the set commands; the brotli budget in test/node binds.
    const gzip = new Response(new Blob([code]).stream().pipeThrough(new CompressionStream('gzip')));
    const bytes = (await gzip.arrayBuffer()).byteLength;
    expect(bytes).to.be.below(1000);
  });

  for (const [revision, expiresDays, gpc] of [
    ['1', '182', false],
    ['2026-spring', '30', false],
    ['1', '182', true],
  ] as const) {
    it(`agrees with the element's parser on generated cookies (revision ${revision}, ${expiresDays} days${gpc ? ', GPC' : ''})`, function () {
      this.timeout(30000);
      setGpc(gpc);
      const now = Date.now();
      const {anyValue} = cookieValues({revision, expiresDays: Number(expiresDays), now});
      let updates = 0;
      fc.assert(
        fc.property(anyValue.filter(canBeWritten), (raw) => {
          Cookies.set('site_consent', raw, {path: '/'});
          const layer = runHeadScript({cookieName: 'site_consent', revision, expiresDays});
          const decision = parseDecision(Cookies.get('site_consent')!, {
            revision,
            expiresDays: Number(expiresDays),
            now: Date.now(),
          });
          expect(layer[0][1]).to.equal('default');
          if (typeof decision === 'string') {
            expect(layer, raw).to.have.length(1);
          } else {
            updates++;
            // Under GPC, the store refuses targeting unless it was granted under the signal.
            const consent = {...decision.consent, targeting: decision.consent.targeting && (!gpc || decision.gpcGrant)};
            expect(layer, raw).to.deep.equal([layer[0], ['consent', 'update', consentModeState(consent)]]);
          }
        }),
        {numRuns: 3000, seed: 42}
      );
      expect(updates, 'valid decisions among the generated values').to.be.above(100);
    });
  }

  it('grants only the categories the site offers, as the element does', () => {
    const now = Date.now();
    Cookies.set(
      'cookie_consent',
      JSON.stringify({v: 1, rev: '1', at: now, id: crypto.randomUUID(), granted: ['performance', 'targeting']}),
      {path: '/'}
    );
    const layer = runHeadScript({categories: 'performance functionality'});
    expect(layer[1]).to.deep.equal([
      'consent',
      'update',
      consentModeState({necessary: true, performance: true, functionality: false, targeting: false}),
    ]);
  });

  it('reads expires-days as the element does: a number of days that is not finite means 182', () => {
    const at = Date.now() - 200 * 864e5;
    Cookies.set(
      'cookie_consent',
      JSON.stringify({v: 1, rev: '1', at, id: crypto.randomUUID(), granted: ['performance']}),
      {path: '/'}
    );
    expect(runHeadScript({expiresDays: 'Infinity'}), 'expired after 182 days').to.have.length(1);
    expect(runHeadScript({expiresDays: '365'}), 'kept for 365 days').to.have.length(2);
  });

  it('grants what data-exempt names until a decision, but not under GPC nor after a refusal', () => {
    const exempt = {exempt: 'performance targeting'};
    expect(runHeadScript(exempt)[1]).to.deep.equal([
      'consent',
      'update',
      {...DENIED_STATE, analytics_storage: 'granted'},
    ]);
    setGpc(true);
    expect(runHeadScript(exempt)).to.have.length(1);
    setGpc(undefined);
    const now = Date.now();
    Cookies.set(
      'cookie_consent',
      JSON.stringify({v: 2, rev: '1', at: now, id: '0b8a1c52-4a3e-4f6e-9f2a-8d2c4e6b1a3f', granted: [], gpc: false}),
      {path: '/'}
    );
    expect(runHeadScript(exempt)[1]).to.deep.equal(['consent', 'update', DENIED_STATE]);
  });

  it('sets ads_data_redaction, and url_passthrough when asked, right after the default, as the element does', () => {
    const sets = (settings: Record<string, string>) =>
      runHeadScript(settings, true).filter((entry) => entry[0] === 'set');
    expect(runHeadScript({}, true)[1]).to.deep.equal(['set', 'ads_data_redaction', true]);
    expect(sets({urlPassthrough: ''})).to.deep.equal([
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
    ]);
    expect(sets({noAdsDataRedaction: ''})).to.deep.equal([]);
  });

  it('pushes only the default without a cookie', () => {
    expect(runHeadScript({})).to.deep.equal([
      ['consent', 'default', {...consentModeState(null), wait_for_update: 500}],
    ]);
  });

  it('under GPC, pushes targeting granted only when it was granted under the signal', () => {
    const record = {rev: '1', at: Date.now(), id: crypto.randomUUID(), granted: ['performance', 'targeting']};
    const update = (raw: object, settings: Record<string, string> = {}) => {
      Cookies.set('cookie_consent', JSON.stringify(raw), {path: '/'});
      return runHeadScript(settings)[1][2] as Record<string, string>;
    };
    setGpc(true);
    expect(update({v: 1, ...record}).ad_storage, 'an earlier grant').to.equal('denied');
    expect(update({v: 2, ...record, gpc: false}).ad_storage).to.equal('denied');
    expect(update({v: 2, ...record, gpc: false}).analytics_storage).to.equal('granted');
    expect(update({v: 2, ...record, gpc: true}).ad_storage, 'granted under the signal').to.equal('granted');
    expect(update({v: 1, ...record}, {ignoreGpc: ''}).ad_storage, 'data-ignore-gpc').to.equal('granted');
  });
});

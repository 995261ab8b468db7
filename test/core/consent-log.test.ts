/** The decision log: each decision sent to log-endpoint as a JSON record, and kept when sending fails. */
import {expect, oneEvent} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsentChangeEvent} from '../../src/core/events.js';
import {consentFixture, storedCookie} from '../support/fixtures.js';
import {captureWarnings, clearCookies, emulateMediaFeatures, STEADY_MEDIA} from '../support/helpers.js';

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => clearCookies());

describe('log-endpoint', () => {
  it('sends each decision to log-endpoint as a JSON record', async () => {
    const sent: {url: string; body: string}[] = [];
    const original = navigator.sendBeacon;
    navigator.sendBeacon = (url: string | URL, body?: BodyInit | null) => {
      sent.push({url: String(url), body: String(body)});
      return true;
    };
    try {
      const el = await consentFixture('log-endpoint="/consent-log" revision="7" lang="en"');
      const eventPromise = oneEvent(document, 'cookie-consent-change') as Promise<CookieConsentChangeEvent>;
      el.save({performance: true});
      const {detail} = await eventPromise;
      expect(sent).to.have.length(1);
      expect(sent[0].url).to.equal('/consent-log');
      expect(JSON.parse(sent[0].body)).to.deep.equal({
        consentId: detail.consentId,
        decidedAt: new Date(detail.decidedAt).toISOString(),
        revision: '7',
        consent: {necessary: true, performance: true, functionality: false, targeting: false},
        reason: 'api',
        locale: 'en',
        url: location.origin + location.pathname,
      });
    } finally {
      navigator.sendBeacon = original;
    }
  });

  it('keeps the decision when sendBeacon throws', async () => {
    const original = navigator.sendBeacon;
    navigator.sendBeacon = () => {
      throw new TypeError('blocked');
    };
    try {
      const el = await consentFixture('log-endpoint="https://log.example/consent"');
      const warnings = captureWarnings(() => el.acceptAll());
      expect(warnings.some((line) => line.startsWith('cookie-consent-elements: could not send'))).to.equal(true);
      expect(storedCookie().granted).to.have.length(3);
    } finally {
      navigator.sendBeacon = original;
    }
  });
});

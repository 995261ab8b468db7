/** The decision log: each decision sent to log-endpoint as a JSON record, and kept when sending fails. */
import {expect, fixture, oneEvent} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieConsentChangeEvent} from '../../src/core/events.js';
import {consentFixture, setGpc, storedCookie} from '../support/fixtures.js';
import {harness, ShadowHarness} from '../support/harness.js';
import {captureWarnings, clearCookies, emulateMediaFeatures, STEADY_MEDIA} from '../support/helpers.js';

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => {
  clearCookies();
  setGpc(undefined);
});

/** Runs `action` with sendBeacon caught, and returns the records it sent, parsed. */
async function recordsOf(action: () => void | Promise<void>): Promise<Record<string, unknown>[]> {
  const sent: string[] = [];
  const original = navigator.sendBeacon;
  navigator.sendBeacon = (_url: string | URL, body?: BodyInit | null) => sent.push(String(body)) > 0;
  try {
    await action();
  } finally {
    navigator.sendBeacon = original;
  }
  return sent.map((body) => JSON.parse(body) as Record<string, unknown>);
}

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
      const {version} = (await (await fetch('/package.json')).json()) as {version: string};
      expect(JSON.parse(sent[0].body)).to.deep.equal({
        schemaVersion: 1,
        libraryVersion: version,
        consentId: detail.consentId,
        decidedAt: new Date(detail.decidedAt).toISOString(),
        revision: '7',
        consent: {necessary: true, performance: true, functionality: false, targeting: false},
        offered: ['performance', 'functionality', 'targeting'],
        exempt: [],
        reason: 'api',
        source: 'api',
        gpc: {signal: false, honoured: false},
        locale: 'en',
        textsHash: null,
        url: location.origin,
      });
    } finally {
      navigator.sendBeacon = original;
    }
  });

  it('has exactly the properties of the JSON Schema in the package', async () => {
    const schema = (await (await fetch('/schema/consent-record.schema.json')).json()) as {
      properties: object;
      required: string[];
    };
    const el = await consentFixture('log-endpoint="/consent-log"');
    const [record] = await recordsOf(() => el.acceptAll());
    expect(Object.keys(record).sort()).to.deep.equal(Object.keys(schema.properties).sort());
    expect(schema.required.sort()).to.deep.equal(Object.keys(schema.properties).sort());
  });

  it('says which control decided, with a hash of its texts, and what was offered', async () => {
    const el = await consentFixture('log-endpoint="/consent-log" categories="performance targeting" lang="en"');
    const [banner] = await recordsOf(() => harness(el).click('accept'));
    expect(banner).to.include({reason: 'accept-all', source: 'banner'});
    expect(banner.textsHash).to.match(/^[0-9a-f]{8}$/);
    expect(banner.offered).to.deep.equal(['performance', 'targeting']);

    const [panel] = await recordsOf(async () => {
      await el.showPreferences();
      harness(el).click('save');
    });
    expect(panel).to.include({reason: 'save', source: 'panel'});
    expect(panel.textsHash).to.match(/^[0-9a-f]{8}$/);
    expect(panel.textsHash).not.to.equal(banner.textsHash);
    // The receipt's id and date change with each decision; the hash of the panel's texts does not.
    const [again] = await recordsOf(async () => {
      await el.showPreferences();
      harness(el).click('save');
    });
    expect(again.textsHash).to.equal(panel.textsHash);
  });

  it("hashes the site's own slotted message with the banner's texts", async () => {
    const hashOf = async (message: string) => {
      clearCookies();
      const el = await fixture<HTMLElement & {updateComplete: Promise<unknown>}>(
        `<cookie-consent log-endpoint="/consent-log" lang="en"><span slot="message">${message}</span></cookie-consent>`
      );
      await el.updateComplete;
      const [record] = await recordsOf(() => harness(el as never).click('accept'));
      el.remove();
      return record.textsHash;
    };
    const first = await hashOf('We use cookies for statistics.');
    expect(await hashOf('We use cookies for statistics.'), 'the same words').to.equal(first);
    expect(await hashOf('We use cookies for advertising.'), 'other words').not.to.equal(first);
  });

  it("says a gate's button decided, with a hash of the gate's texts", async () => {
    const page = await fixture<HTMLElement>(`<div>
      <cookie-consent log-endpoint="/consent-log"></cookie-consent>
      <cookie-consent-gate category="performance"><template><p>Stats</p></template></cookie-consent-gate>
    </div>`);
    const gate = page.querySelector('cookie-consent-gate')!;
    await gate.updateComplete;
    const [record] = await recordsOf(() => new ShadowHarness(gate).part<HTMLButtonElement>('allow')!.click());
    expect(record).to.include({reason: 'save', source: 'gate'});
    expect(record.textsHash).to.match(/^[0-9a-f]{8}$/);
  });

  it('records the Global Privacy Control signal and whether it was honoured', async () => {
    setGpc(true);
    const honouring = await consentFixture('log-endpoint="/consent-log"');
    const [honoured] = await recordsOf(() => honouring.acceptAll());
    expect(honoured.gpc).to.deep.equal({signal: true, honoured: true});
    honouring.remove();
    clearCookies();
    const ignoring = await consentFixture('log-endpoint="/consent-log" ignore-gpc');
    const [ignored] = await recordsOf(() => ignoring.acceptAll());
    expect(ignored.gpc).to.deep.equal({signal: true, honoured: false});
  });

  it('records reset() as a withdrawal of the decision it forgets', async () => {
    const el = await consentFixture('log-endpoint="/consent-log"');
    el.acceptAll();
    const decided = storedCookie();
    const [withdrawal] = await recordsOf(() => el.reset());
    expect(withdrawal).to.include({reason: 'reset', source: 'api', consentId: decided.id});
    expect(withdrawal.consent).to.deep.equal({
      necessary: true,
      performance: false,
      functionality: false,
      targeting: false,
    });
  });

  it('sends the origin only, and the path too with log-url="path"', async () => {
    const el = await consentFixture('log-endpoint="/consent-log"');
    const [origin] = await recordsOf(() => el.acceptAll());
    expect(origin.url).to.equal(location.origin);
    el.setAttribute('log-url', 'path');
    const [path] = await recordsOf(() => el.rejectAll());
    expect(path.url).to.equal(location.origin + location.pathname);
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

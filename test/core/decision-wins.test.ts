/**
 * The latest decision holds: over copies of the cookie on parent domains and deeper paths, over an
 * older decision another tab wrote at the same moment, and whatever other code put on Object.prototype.
 */
import {expect} from '@open-wc/testing';
import '../../src/define.js';
import {ConsentStore, DEFAULT_OPTIONS, serializeDecision, type StoreOptions} from '../../src/core/store.js';
import {consentFixture, storedCookie} from '../support/fixtures.js';
import {captureWarnings, clearCookies, until} from '../support/helpers.js';
import {CookieModel} from '../support/shadow-jar.js';
import {makeStore, MemoryJar, NOW} from '../support/store.js';

const ALL = {necessary: true as const, performance: true, functionality: true, targeting: true};
const NONE = {necessary: true as const, performance: false, functionality: false, targeting: false};
const cookieWrite = {expires: 1, path: '/', sameSite: 'Lax' as const, secure: false};

function storeOn(jar: ConstructorParameters<typeof ConsentStore>[0], options: Partial<StoreOptions> = {}, now = NOW) {
  const store = new ConsentStore(jar, () => now);
  store.configure({...DEFAULT_OPTIONS, ...options});
  return store;
}

describe('two tabs deciding at the same moment', () => {
  it('the later decision wins in both tabs, and the cookie ends with it', () => {
    const jar = new MemoryJar();
    const later = storeOn(jar, {}, NOW + 10);
    const earlier = storeOn(jar, {}, NOW);
    let kept = 0;
    later.addEventListener('kept', () => kept++);

    later.rejectAll();
    // The earlier decision reaches the cookie last.
    earlier.acceptAll();

    expect(later.refresh('sync'), 'the tab holding the later decision keeps it').to.equal(null);
    expect(later.consent).to.deep.equal(NONE);
    expect(kept, 'and tells the other tabs').to.equal(1);
    expect(jar.values.get('cookie_consent')).to.equal(serializeDecision(later.decision!));

    expect(earlier.refresh('sync')!.consent).to.deep.equal(NONE);
    expect(earlier.decision!.consentId).to.equal(later.decision!.consentId);
  });

  it('a tab that finds an older decision in the cookie writes its own back and announces it', async () => {
    const el = await consentFixture();
    el.rejectAll();
    const held = storedCookie();
    const older = {...held, at: held.at - 1000, id: crypto.randomUUID(), granted: ['performance', 'targeting']};
    document.cookie = `cookie_consent=${encodeURIComponent(JSON.stringify(older))}; path=/`;

    const otherTab = new BroadcastChannel('cookie-consent-elements:cookie_consent');
    const heard: unknown[] = [];
    otherTab.onmessage = (event) => heard.push(event.data);
    try {
      otherTab.postMessage(older.id);
      await until(() => heard.length > 0, 'the announcement');
      expect(heard).to.deep.equal([held.id]);
      expect(el.consent).to.deep.equal(NONE);
      expect(storedCookie()).to.deep.equal(held);
    } finally {
      otherTab.close();
      clearCookies();
    }
  });
});

describe('a polluted Object.prototype', () => {
  const proto = Object.prototype as {targeting?: boolean};
  afterEach(() => {
    delete proto.targeting;
    clearCookies();
  });

  it('grants nothing that was not asked for, in the store or through save()', async () => {
    proto.targeting = true;
    const {store} = makeStore();
    store.decide({performance: true}, 'save');
    expect(store.consent!.targeting).to.equal(false);

    const el = await consentFixture();
    el.save({performance: true});
    expect(el.consent).to.deep.equal({...NONE, performance: true});
    expect(storedCookie().granted).to.deep.equal(['performance']);
  });
});

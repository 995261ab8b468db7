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

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

describe('copies of the decision cookie elsewhere', () => {
  it('a refusal on www is not undone by a copy that blog wrote for the parent domain', () => {
    const browser = new CookieModel();
    const blog = browser.jarFor({hostname: 'blog.example.org', pathname: '/'});
    const www = browser.jarFor({hostname: 'www.example.org', pathname: '/news/today'});
    storeOn(blog, {cookieDomain: '.example.org'}).acceptAll();

    const here = storeOn(www);
    expect(here.consent, 'the parent-domain copy is read').to.deep.equal(ALL);
    const warnings = captureWarnings(() => here.rejectAll());
    expect(warnings, 'the browser kept the refusal').to.deep.equal([]);
    expect(storeOn(www).consent, 'the next page view').to.deep.equal(NONE);
    expect(browser.entries.filter((entry) => entry.name === 'cookie_consent')).to.have.length(1);
  });

  it('removes a copy on a deeper path, which the browser would read first', () => {
    const browser = new CookieModel();
    const page = browser.jarFor({hostname: 'www.example.org', pathname: '/news/today'});
    const old = {consent: ALL, revision: '1', decidedAt: NOW - 1000, consentId: crypto.randomUUID(), gpcGrant: false};
    page.set('cookie_consent', serializeDecision(old), {...cookieWrite, path: '/news/'});
    expect(storeOn(page).consent).to.deep.equal(ALL);

    storeOn(page).rejectAll();
    expect(storeOn(page).consent).to.deep.equal(NONE);
  });

  it('reset() forgets every copy the page can reach', () => {
    const browser = new CookieModel();
    const page = browser.jarFor({hostname: 'www.example.org', pathname: '/a/b'});
    storeOn(browser.jarFor({hostname: 'example.org', pathname: '/'}), {cookieDomain: 'example.org'}).acceptAll();
    const store = storeOn(page);
    store.decide({performance: true}, 'save');
    store.reset();
    expect(storeOn(page).consent).to.equal(null);
  });
});

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

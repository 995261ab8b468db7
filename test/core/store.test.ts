/** ConsentStore: deciding, persisting, reading back and forgetting a decision, over an in-memory jar. */
import {expect} from '@open-wc/testing';
import {
  ConsentStore,
  parseDecision,
  serializeDecision,
  type ConsentChangeDetail,
  type ConsentStoreEvent,
  type CookieJar,
} from '../../src/core/store.js';
import {captureWarnings} from '../support/helpers.js';
import {DAY, makeStore, MemoryJar, NOW, validRecord} from '../support/store.js';

describe('ConsentStore', () => {
  it('starts undecided when nothing is stored', () => {
    const {store} = makeStore();
    expect(store.consent).to.equal(null);
    expect(store.decision).to.equal(null);
  });

  it('records a decision, persists it and notifies with the exact detail', () => {
    const {store, jar} = makeStore();
    const events: ConsentChangeDetail[] = [];
    store.addEventListener('change', (event) => events.push((event as ConsentStoreEvent).detail));

    store.decide({performance: true}, 'save');

    expect(store.consent).to.deep.equal({
      necessary: true,
      performance: true,
      functionality: false,
      targeting: false,
    });
    expect(events).to.have.length(1);
    expect(events[0].consent).to.deep.equal(store.consent);
    expect(events[0].changed).to.deep.equal(['performance']);
    expect(events[0].reason).to.equal('save');
    expect(events[0].decidedAt).to.equal(NOW);
    expect(events[0].consentId).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(JSON.parse(jar.values.get('cookie_consent')!)).to.deep.equal({
      v: 2,
      rev: '1',
      at: NOW,
      id: events[0].consentId,
      granted: ['performance'],
      gpc: false,
    });
    expect(jar.lastOptions).to.deep.equal({
      expires: 182,
      path: '/',
      domain: undefined,
      sameSite: 'Lax',
      secure: false,
    });
  });

  it('reads back what it wrote, with a new store as on the next page', () => {
    const {store, jar} = makeStore();
    store.acceptAll();
    const {store: next} = makeStore({}, jar);
    expect(next.consent).to.deep.equal({necessary: true, performance: true, functionality: true, targeting: true});
    expect(next.decision!.consentId).to.equal(store.decision!.consentId);
  });

  it('remembers a refusal as long as an acceptance', () => {
    const {store, jar} = makeStore({expiresDays: 30});
    store.rejectAll();
    expect(jar.lastOptions!.expires).to.equal(30);
    const later = makeStore({expiresDays: 30}, jar, () => NOW + 29 * DAY).store;
    expect(later.consent).to.deep.equal({necessary: true, performance: false, functionality: false, targeting: false});
  });

  it('gives each decision a new consent id', () => {
    const {store} = makeStore();
    const first = store.acceptAll().consentId;
    const second = store.rejectAll().consentId;
    expect(first).not.to.equal(second);
  });

  it('lists only the categories that changed', () => {
    const {store} = makeStore();
    expect(store.acceptAll().changed).to.deep.equal(['performance', 'functionality', 'targeting']);
    expect(store.decide({targeting: false}, 'save').changed).to.deep.equal(['targeting']);
    expect(store.decide({targeting: false}, 'save').changed).to.deep.equal([]);
  });

  it('keeps categories that are not offered off, even on accept all', () => {
    const {store, jar} = makeStore({offered: ['performance']});
    store.acceptAll();
    expect(store.consent).to.deep.equal({necessary: true, performance: true, functionality: false, targeting: false});
    expect(JSON.parse(jar.values.get('cookie_consent')!).granted).to.deep.equal(['performance']);
  });

  it('never reports a category the site no longer offers as granted', () => {
    const {store, jar} = makeStore();
    store.acceptAll();
    const narrowed = makeStore({offered: ['performance']}, jar).store;
    expect(narrowed.consent).to.deep.equal({
      necessary: true,
      performance: true,
      functionality: false,
      targeting: false,
    });
  });

  it('treats a decision made under another revision as no decision, silently', () => {
    const jar = new MemoryJar();
    jar.values.set('cookie_consent', validRecord({rev: '1'}));
    const warnings = captureWarnings(() => {
      expect(makeStore({revision: '2'}, jar).store.consent).to.equal(null);
    });
    expect(warnings).to.deep.equal([]);
    expect(makeStore({revision: '1'}, jar).store.consent!.performance).to.equal(true);
  });

  it('treats an expired decision as no decision', () => {
    const jar = new MemoryJar();
    jar.values.set('cookie_consent', validRecord({at: NOW - 183 * DAY}));
    expect(makeStore({}, jar).store.consent).to.equal(null);
    expect(makeStore({expiresDays: 200}, jar).store.consent).not.to.equal(null);
  });

  it('uses the cookie name and domain it is given', () => {
    const {store, jar} = makeStore({cookieName: 'site_choice', cookieDomain: '.example.org', secure: true});
    store.rejectAll();
    expect([...jar.values.keys()]).to.deep.equal(['site_choice']);
    expect(jar.lastOptions!.domain).to.equal('.example.org');
    expect(jar.lastOptions!.secure).to.equal(true);
  });

  it('forgets the decision on reset', () => {
    const {store, jar} = makeStore();
    store.acceptAll();
    store.reset();
    expect(store.consent).to.equal(null);
    expect(jar.values.size).to.equal(0);
  });

  it('refresh() notices a decision made elsewhere, and skips an unchanged cookie without warning again', () => {
    const jar = new MemoryJar();
    jar.values.set('cookie_consent', validRecord({granted: ['everything']}));
    let store!: ConsentStore;
    const first = captureWarnings(() => (store = makeStore({}, jar).store));
    expect(first).to.have.length(1);
    expect(captureWarnings(() => expect(store.refresh('sync')).to.equal(null))).to.deep.equal([]);

    const other = makeStore({}, jar).store;
    other.acceptAll();
    expect(store.refresh('sync')!.reason).to.equal('sync');
    expect(store.consent!.performance).to.equal(true);
    other.reset();
    let resets = 0;
    store.addEventListener('reset', () => resets++);
    expect(store.refresh('sync')).to.equal(null);
    expect(resets).to.equal(1);
    expect(store.consent).to.equal(null);
  });

  it('keeps working when the jar throws, with a warning', () => {
    const broken: CookieJar = {
      get: () => {
        throw new Error('cookies blocked');
      },
      set: () => {
        throw new Error('cookies blocked');
      },
      remove: () => {},
    };
    const warnings = captureWarnings(() => {
      const {store} = makeStore({}, broken as MemoryJar);
      expect(store.consent).to.equal(null);
      store.acceptAll();
      expect(store.consent!.targeting).to.equal(true);
    });
    expect(warnings).to.have.length(2);
    expect(warnings.every((line) => line.startsWith('cookie-consent-elements: '))).to.equal(true);
  });

  it('round-trips through serializeDecision and parseDecision', () => {
    const decision = {
      consent: {necessary: true as const, performance: false, functionality: true, targeting: true},
      revision: 'spring-2026',
      decidedAt: NOW,
      consentId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      gpcGrant: true,
    };
    const parsed = parseDecision(serializeDecision(decision), {revision: 'spring-2026', expiresDays: 10, now: NOW});
    expect(parsed).to.deep.equal(decision);
  });
});

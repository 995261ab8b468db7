/**
 * The page's consent session: one per document. It owns the store, the gating, the tab channel
 * and the effects, and replays a stored decision once the page is parsed. A `<cookie-consent>`
 * joins it when connected; the first one runs the page (its attributes configure the store, its
 * events are the page's), and another one only passes the visitor's and the site's calls on.
 */
import {documentCookieJar} from './cookie-jar.js';
import type {DecisionSource, RecordFacts} from './consent-log.js';
import {
  changedCategories,
  OPTIONAL_CATEGORIES,
  type Choices,
  type ConsentChangeDetail,
  type ConsentResetDetail,
  type ConsentStoreEvent,
  type OptionalCategory,
} from './store.js';
import {ConsentStore} from './store.js';
import {Effects, type EffectsHost} from './effects.js';
import {CookieConsentChangeEvent, CookieConsentResetEvent} from './events.js';
import {Gatekeeper} from './gating.js';
import {warn} from './log.js';
import {storeKey, storeOptions, type HostAttributes} from './options.js';
import {TabSync} from './tab-sync.js';

/** What the session needs of the `<cookie-consent>` that runs the page. */
export interface SessionHost extends EffectsHost, HostAttributes {
  reloadOnWithdraw: boolean;
  showPreferences(): Promise<void>;
  /** Called when this element starts or stops running the page. */
  sessionChanged(): void;
}

export class ConsentSession {
  readonly store = new ConsentStore(documentCookieJar);
  /** The `<cookie-consent>` that runs the page, if one is connected. */
  host: SessionHost | null = null;
  /** The language the UI was last shown in, for the decision log (set by the UI). */
  locale = 'en';
  readonly #members = new Set<SessionHost>();
  readonly #warned = new WeakSet<SessionHost>();
  readonly #gatekeeper = new Gatekeeper(document);
  readonly #effects = new Effects(this.#gatekeeper);
  readonly #tabs = new TabSync(() => this.#onOtherTab());
  #configured = '';
  /** The hosts whose stored decision was replayed (or is about to be): each announces it once. */
  readonly #replayed = new WeakSet<SessionHost>();
  /** A decision was made since the last host was scheduled to replay the stored one. */
  #decided = false;
  /**
   * Set by the UI while the visitor's click on the control `source` (whose texts hash to
   * `textsHash`) makes a decision, for the decision record; a decision made without it comes from
   * the site's code (`api`). (One a listener makes meanwhile counts as made with that control.)
   */
  decidingBy?: {source: DecisionSource; textsHash?: string};

  constructor() {
    this.store.addEventListener('change', (event) => void this.#onDecision((event as ConsentStoreEvent).detail));
    this.store.addEventListener('reset', (event) => void this.#onReset(event as CustomEvent<ConsentResetDetail>));
    // No channel reaches a page from another subdomain sharing the cookie, nor one kept in the
    // back/forward cache: read the cookie again when the page is shown, or when it changes. A
    // cookie that did not change is not parsed again, so reading on every such event is cheap.
    // Not on the first `pageshow`, which every page load fires: the cookie was read a moment ago.
    addEventListener('pageshow', (event) => (event as PageTransitionEvent).persisted && this.#reread());
    document.addEventListener('visibilitychange', this.#reread);
    (window as {cookieStore?: EventTarget}).cookieStore?.addEventListener('change', this.#reread);
    // The later decision held here was written back over an older one: the other tabs read it again.
    this.store.addEventListener('kept', () => this.#tabs.post(this.store.decision?.consentId));
  }

  /** Resolves once the chunks the page's decisions need are at hand. */
  get ready(): Promise<unknown> {
    return this.#effects.ready;
  }

  /** A `<cookie-consent>` was connected: the first runs the page; another one warns, once. */
  join(host: SessionHost): void {
    this.#members.add(host);
    if (!this.host) this.#run(host);
    else if (this.host !== host && !this.#warned.has(host)) {
      this.#warned.add(host);
      warn('there is more than one <cookie-consent> on the page; only the first is used. Keep one, first in <body>.');
    }
  }

  /** A `<cookie-consent>` was removed: if it ran the page, the next one in the page takes over. */
  leave(host: SessionHost): void {
    this.#members.delete(host);
    if (host !== this.host) return;
    this.#gatekeeper.stop();
    this.#tabs.close();
    this.host = null;
    host.sessionChanged();
    const next = [...document.querySelectorAll('cookie-consent')].find((element) =>
      this.#members.has(element as unknown as SessionHost)
    );
    if (next) this.#run(next as unknown as SessionHost);
  }

  /** Reads the cookie again under `host`'s attributes when they changed; returns whether it did. */
  configure(host: SessionHost): boolean {
    const key = storeKey(host);
    if (key === this.#configured) return false;
    this.#configured = key;
    this.store.configure(storeOptions(host));
    if (this.host) this.#tabs.open(this.store.cookieName);
    return true;
  }

  acceptAll(): void {
    this.store.acceptAll();
  }

  rejectAll(): void {
    this.store.rejectAll();
  }

  /** A decision for the named categories from the site's code; anything but a boolean for a known one is ignored. */
  save(choices: Choices): void {
    const valid: Choices = {};
    for (const [name, value] of Object.entries(choices ?? {})) {
      if (!(OPTIONAL_CATEGORIES as readonly string[]).includes(name) || typeof value !== 'boolean') {
        warn(`save() ignores ${name}: ${String(value)}; pass booleans for ${OPTIONAL_CATEGORIES.join(', ')}.`);
      } else {
        valid[name as OptionalCategory] = value;
      }
    }
    this.store.decide(valid, 'api');
  }

  /** Grants one category on the visitor's request, e.g. from a `<cookie-consent-gate>` (`reason: 'save'`). */
  grant(category: OptionalCategory): void {
    if (!this.store.offered.includes(category)) {
      warn(`grant("${category}") ignored: the category is not offered.`);
      return;
    }
    this.store.decide({[category]: true}, 'save');
  }

  /** Forgets the decision, here and in the site's other tabs: a withdrawal, recorded as one. */
  reset(): void {
    const before = this.store.decision;
    this.store.reset();
    this.#tabs.post(undefined);
    if (before) void this.#record({...before, reason: 'reset'});
  }

  #run(host: SessionHost): void {
    // Another element (or a new one) reads the cookie under its own attributes; one put back reads it again.
    if (!this.#replayed.has(host)) this.#configured = '';
    this.host = host;
    const read = this.configure(host);
    this.#gatekeeper.start();
    this.#effects.prepare(host);
    // Back in the page (or taking over): the decision may have changed in another tab meanwhile.
    if (!read) this.store.refresh('sync');
    if (!this.#replayed.has(host)) {
      this.#replayed.add(host);
      this.#decided = false;
      afterParsing(() => this.#replay(host));
    } else {
      this.#gatekeeper.update(this.store.consent);
    }
    // Decisions made in other tabs are heard from now on, right after the cookie was read.
    this.#tabs.open(this.store.cookieName);
    host.sessionChanged();
  }

  /**
   * Once the page is parsed: a stored decision takes effect and `host` announces it (`stored`);
   * without one, only what is gated on `necessary` runs. Skipped if the visitor decided meanwhile.
   */
  #replay(host: SessionHost): void {
    if (this.#decided || host !== this.host) return;
    const decision = this.store.decision;
    if (!decision) {
      // Undecided: what the site may use without consent (`exempt`) runs; no event, nobody decided.
      const exempt = this.store.consent;
      if (exempt) void this.#effects.apply(host, exempt, this.store.cookieName);
      else this.#gatekeeper.update(null);
      return;
    }
    this.#effects.apply(host, decision.consent, this.store.cookieName);
    host.dispatchEvent(
      new CookieConsentChangeEvent({
        consent: {...decision.consent},
        changed: changedCategories(null, decision.consent),
        reason: 'stored',
        consentId: decision.consentId,
        decidedAt: decision.decidedAt,
      })
    );
  }

  /** Reads the cookie again while a host runs the page: a decision made elsewhere takes effect here. */
  readonly #reread = (): void => void (this.host && this.store.refresh('sync'));

  /** Read again a moment later too: a tab's copy of the cookies may lag behind the message. */
  #onOtherTab(): void {
    this.store.refresh('sync');
    setTimeout(this.#reread, 200);
  }

  async #onDecision(detail: ConsentChangeDetail): Promise<void> {
    this.#decided = true;
    const host = this.host;
    host?.dispatchEvent(new CookieConsentChangeEvent(detail));
    // A listener may have decided again (or reset): what holds now is what takes effect.
    const effects = [this.#effects.apply(host, this.store.consent, this.store.cookieName)];
    const decision = this.store.decision;
    if (detail.reason !== 'sync') {
      if (decision) effects.push(this.#record({...decision, ...detail, ...this.decidingBy}));
      this.#tabs.post(decision?.consentId);
    }
    if (host?.reloadOnWithdraw && detail.changed.some((category) => !detail.consent[category])) {
      await reloadAfter(effects);
    }
  }

  #record(facts: Omit<RecordFacts, 'store' | 'locale'>): Promise<void> {
    return this.#effects.record(this.host, {...facts, store: this.store, locale: this.locale});
  }

  /** A forgotten decision (here, in another tab, or voided by new settings) withdraws everything. */
  async #onReset({detail: {before}}: CustomEvent<ConsentResetDetail>): Promise<void> {
    const host = this.host;
    // Forgotten: what is exempt, if anything, runs again until the visitor decides.
    const withdrawn = this.#effects.apply(host, this.store.consent, this.store.cookieName);
    host?.dispatchEvent(new CookieConsentResetEvent());
    if (host?.reloadOnWithdraw && before && OPTIONAL_CATEGORIES.some((category) => before[category])) {
      await reloadAfter([withdrawn]);
    }
  }
}

/** Reloads the page once withdrawal and the decision record are done (or after a second at most). */
async function reloadAfter(effects: Promise<void>[]): Promise<void> {
  await Promise.race([Promise.all(effects), new Promise((resolve) => setTimeout(resolve, 1000))]);
  location.reload();
}

/**
 * Runs after the document is parsed and deferred scripts have run, so listeners added by
 * module scripts that come after ours still hear the `stored` event.
 */
function afterParsing(callback: () => void): void {
  const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (document.readyState === 'loading' || navigation?.domContentLoadedEventStart === 0) {
    document.addEventListener('DOMContentLoaded', callback, {once: true});
  } else {
    callback();
  }
}

/** The session of this document, shared by every element of this copy of the library. */
export const session = new ConsentSession();

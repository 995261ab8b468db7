/**
 * What a decision does beyond the store, loaded only by the pages that need it: Google Consent
 * Mode, deleting what refused categories left (for pages that declare it), and the decision log.
 * Each is a lazy chunk, fetched when `<cookie-consent>` connects so it is at hand when the visitor
 * decides.
 */
import type {RecordFacts} from './consent-log.js';
import {NO_CONSENT, OPTIONAL_CATEGORIES, type Consent} from './decision.js';
import type {Gatekeeper} from './gating.js';
import {warn} from './log.js';
import {lazyChunk, type Chunk} from './lazy.js';
import {hasConfig, safeUrl} from './options.js';
import type {ConsentModeSettings} from './consent-mode.js';

/** What the effects read of the element that runs the page. */
export interface EffectsHost extends HTMLElement, ConsentModeSettings {
  googleConsentMode: boolean;
  logEndpoint?: string;
  logUrl?: string;
}

const withdrawalChunk = lazyChunk(() => import('./withdrawal.js'));
const consentModeChunk = lazyChunk(() => import('./consent-mode.js'));
const consentLogChunk = lazyChunk(() => import('./consent-log.js'));

/** Uses a lazy chunk: at once when it is loaded (the usual case), else once it is; settles when its work is done. */
function withChunk<M>(chunk: Chunk<M>, failure: string, use: (module: M) => unknown): Promise<void> {
  const module = chunk.get();
  return (module ? Promise.resolve(use(module)) : chunk.load().then(use)).then(
    () => undefined,
    (error: unknown) => warn(failure, error)
  );
}

export class Effects {
  /** The chunks this page's decisions will need, fetched at connection. */
  #prefetching: Promise<unknown> = Promise.resolve();

  readonly #gatekeeper: Gatekeeper;

  constructor(gatekeeper: Gatekeeper) {
    this.#gatekeeper = gatekeeper;
  }

  /** Resolves once the chunks asked for at connection are loaded (or failed). */
  get ready(): Promise<unknown> {
    return this.#prefetching;
  }

  /** Fetches what `host`'s decisions will need; with Consent Mode, gated scripts wait for its default. */
  prepare(host: EffectsHost): void {
    if (host.googleConsentMode) {
      // Without the default Google's tags would assume consent, so if it cannot be loaded they stay blocked.
      const pushed = consentModeChunk
        .load()
        .catch(() => consentModeChunk.load())
        .then(({pushConsentDefault}) => pushConsentDefault(host));
      pushed.catch((error: unknown) =>
        warn('could not load Google Consent Mode; scripts gated on consent stay blocked on this page.', error)
      );
      this.#gatekeeper.hold(pushed);
      this.#prefetch(pushed);
    }
    if (hasConfig(host)) this.#prefetch(withdrawalChunk.load());
    if (host.logEndpoint) this.#prefetch(consentLogChunk.load());
  }

  /**
   * Makes the decision (`null`: none) take effect on the page: Consent Mode, gated elements, and
   * the declared cookies of every category not granted.
   */
  apply(host: EffectsHost | null, consent: Consent | null, cookieName: string): Promise<void> {
    if (host?.googleConsentMode) {
      void withChunk(consentModeChunk, 'could not update Google Consent Mode.', (mode) => {
        mode.pushConsentDefault(host);
        mode.pushConsentUpdate(consent ?? NO_CONSENT);
      });
    }
    this.#gatekeeper.update(consent);
    const refused = OPTIONAL_CATEGORIES.filter((category) => !consent?.[category]);
    if (!host || refused.length === 0 || !hasConfig(host)) return Promise.resolve();
    return withChunk(withdrawalChunk, 'could not delete the cookies of refused categories.', ({withdraw}) =>
      withdraw(host, refused, cookieName)
    );
  }

  /** Sends the decision (or the withdrawal by `reset()`) to `log-endpoint`, if the page set one. */
  record(host: EffectsHost | null, facts: RecordFacts): Promise<void> {
    const endpoint = safeUrl(host?.logEndpoint, 'log-endpoint');
    if (!endpoint) return Promise.resolve();
    return withChunk(consentLogChunk, 'could not load the consent log.', (log) =>
      log.sendConsentRecord(endpoint, log.consentRecord(facts, host?.logUrl))
    );
  }

  #prefetch(loading: Promise<unknown>): void {
    this.#prefetching = Promise.all([this.#prefetching, loading.catch(() => undefined)]);
  }
}

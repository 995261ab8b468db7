/**
 * The consent store: reads, validates, decides, persists and notifies.
 * No Lit and no DOM in here, so it can be driven directly by tests and by any element.
 * Cookie I/O goes through the small `CookieJar` seam.
 */
import {cookieDomains, cookiePaths} from './cookie-scope.js';
import {warn} from './log.js';
import {
  changedCategories,
  NO_CONSENT,
  OPTIONAL_CATEGORIES,
  parseDecision,
  randomConsentId,
  serializeDecision,
  type Choices,
  type Consent,
  type ConsentChangeDetail,
  type ConsentChangeReason,
  type Decision,
  type OptionalCategory,
} from './decision.js';

export * from './decision.js';

/** Where decisions are stored; the default writes a first-party cookie with js-cookie. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieWriteOptions): void;
  remove(name: string, options: {path: string; domain?: string}): void;
  /** The page the cookies are read for: copies of the decision may sit on its parent domains and paths. */
  readonly page?: {hostname: string; pathname: string};
}

export interface CookieWriteOptions {
  expires: number;
  path: string;
  domain?: string;
  sameSite: 'Lax';
  secure: boolean;
}

export interface StoreOptions {
  cookieName: string;
  revision: string;
  expiresDays: number;
  /** e.g. `.example.org`; undefined writes a host-only cookie. */
  cookieDomain?: string;
  /** Optional categories offered to the visitor; the others are never granted. */
  offered: readonly OptionalCategory[];
  /** Whether the cookie gets the `Secure` flag (true on https pages). */
  secure: boolean;
  /**
   * A Global Privacy Control signal is honoured: "accept all" leaves `targeting` off, and only
   * an explicit choice for that category turns it on.
   */
  honourGpc: boolean;
  /**
   * Categories the site may use without consent (the UK's exemptions, `exempt="performance
   * functionality"`): granted while the visitor has not decided. Empty under a honoured GPC signal.
   */
  exempt: readonly OptionalCategory[];
}

export const DEFAULT_OPTIONS: StoreOptions = {
  cookieName: 'cookie_consent',
  revision: '1',
  expiresDays: 182,
  offered: OPTIONAL_CATEGORIES,
  secure: false,
  honourGpc: false,
  exempt: [],
};

export type ConsentStoreEvent = CustomEvent<ConsentChangeDetail>;

export interface ConsentResetDetail {
  /** What was granted before the decision was forgotten, or `null` if there was none. */
  before: Consent | null;
}

/**
 * Holds the visitor's decision. Dispatches `change` (a `CustomEvent<ConsentChangeDetail>`)
 * for every decision taken through it, `reset` (`CustomEvent<ConsentResetDetail>`) when a
 * decision is forgotten, `configure` when new options were applied, and `kept` when `refresh()`
 * wrote back the later decision held here over an older one.
 */
export class ConsentStore extends EventTarget {
  #options: StoreOptions = DEFAULT_OPTIONS;
  #current: Decision | null = null;

  readonly #jar: CookieJar;
  readonly #now: () => number;

  constructor(jar: CookieJar, now: () => number = Date.now) {
    super();
    this.#jar = jar;
    this.#now = now;
  }

  /**
   * The raw cookie as last read or written (`null`: unknown, so the next `refresh()` reads it in
   * full), so `refresh()` skips a cookie that did not change, including one the browser refused.
   */
  #lastRaw: string | undefined | null = null;

  /**
   * Applies new options and reads the stored decision again under them; a decision they void is a
   * `reset`. Dispatches `configure` after, for what shows the offered categories or the decision.
   */
  configure(options: StoreOptions): void {
    const before = this.#current;
    this.#options = options;
    this.#current = this.#read();
    if (before && !this.#current) this.#dispatchReset(before.consent);
    this.dispatchEvent(new Event('configure'));
  }

  get decision(): Decision | null {
    return this.#current;
  }

  /** What is granted now: the decision's categories; while undecided, the exempt ones, else `null`. */
  get consent(): Consent | null {
    if (this.#current) return {...this.#current.consent};
    const exempt = this.exempted;
    if (exempt.length === 0) return null;
    const consent = {...NO_CONSENT};
    for (const category of exempt) consent[category] = true;
    return consent;
  }

  /** The categories the site may use without consent (the `exempt` option). */
  get exempt(): readonly OptionalCategory[] {
    return this.#options.exempt;
  }

  /** The exempt categories granted now, since the visitor has not decided. */
  get exempted(): readonly OptionalCategory[] {
    return this.#current ? [] : this.#options.exempt;
  }

  get cookieName(): string {
    return this.#options.cookieName;
  }

  get expiresDays(): number {
    return this.#options.expiresDays;
  }

  get offered(): readonly OptionalCategory[] {
    return this.#options.offered;
  }

  get honoursGpc(): boolean {
    return this.#options.honourGpc;
  }

  /** Records a decision; categories not named keep their current value, unoffered ones stay off. */
  decide(choices: Choices, reason: ConsentChangeReason): ConsentChangeDetail {
    // Before a first decision, the exempt categories count as granted: an objection withdraws them.
    const before = this.consent;
    const consent = {...(before ?? NO_CONSENT)};
    for (const category of OPTIONAL_CATEGORIES) {
      // Own properties only: a `targeting` another script put on Object.prototype is no choice.
      const choice = (Object.hasOwn(choices, category) ? choices[category] : undefined) ?? consent[category];
      consent[category] = this.#options.offered.includes(category) && choice === true;
    }
    const decision: Decision = {
      consent,
      revision: this.#options.revision,
      decidedAt: this.#now(),
      consentId: randomConsentId(),
      // Under GPC, `targeting` is granted only by the visitor's own choice: it holds that grant.
      gpcGrant: this.#options.honourGpc && consent.targeting,
    };
    this.#write(decision);
    return this.#notify(before, decision, reason);
  }

  /**
   * Grants every offered category (but `targeting` while a Global Privacy Control signal is
   * honoured: it then takes `ownTargeting`, the visitor's own switch, else keeps its value).
   */
  acceptAll(reason: ConsentChangeReason = 'accept-all', ownTargeting?: boolean): ConsentChangeDetail {
    return this.decide(
      {performance: true, functionality: true, targeting: this.#options.honourGpc ? ownTargeting : true},
      reason
    );
  }

  /** Refuses every optional category. */
  rejectAll(reason: ConsentChangeReason = 'reject-all'): ConsentChangeDetail {
    return this.decide({performance: false, functionality: false, targeting: false}, reason);
  }

  /** Forgets the decision, as if the visitor had never decided; dispatches `reset`. */
  reset(): void {
    const before = this.consent;
    this.#current = null;
    this.#removeCookie();
    this.#dispatchReset(before);
  }

  /**
   * Reads the cookie again after another tab may have decided, and notifies with `reason` when it
   * holds a different decision. A decision forgotten elsewhere is forgotten here too (`reset`).
   * The latest decision wins: an older one found there (two tabs decided at once) is overwritten with
   * the one held here, and `kept` tells the other tabs to read it.
   */
  refresh(reason: ConsentChangeReason): ConsentChangeDetail | null {
    const raw = this.#readRaw();
    // Unreadable, or as last read or written here: nothing to learn (the common case, and the cheap one).
    if (raw === null || raw === this.#lastRaw) return null;
    const before = this.#current;
    const stored = this.#decode(raw);
    if (!stored) {
      this.#current = null;
      if (before) this.#dispatchReset(before.consent);
      return null;
    }
    if (stored.consentId === before?.consentId) return null;
    if (before && isLater(before, stored)) {
      this.#write(before);
      this.dispatchEvent(new Event('kept'));
      return null;
    }
    return this.#notify(this.consent, stored, reason);
  }

  /** `reset` carries what was granted before, so withdrawals can take effect. */
  #dispatchReset(before: Consent | null): void {
    this.dispatchEvent(new CustomEvent<ConsentResetDetail>('reset', {detail: {before}}));
  }

  /** Removes the cookie, and each copy this page can reach (host-only, parent domains, deeper paths). */
  #removeCookie(): void {
    this.#lastRaw = null;
    try {
      this.#removeCopies();
    } catch (error) {
      warn('could not delete the consent cookie.', error);
    }
  }

  /**
   * A copy on a parent domain or a deeper path (another subdomain's `cookie-domain`, an old setting)
   * would be read before ours and undo the decision on the next page view: every copy goes.
   */
  #removeCopies(): void {
    const {cookieName, cookieDomain} = this.#options;
    const {hostname, pathname} = this.#jar.page ?? {hostname: '', pathname: '/'};
    for (const domain of [undefined, cookieDomain, ...cookieDomains(hostname)]) {
      for (const path of cookiePaths(pathname)) this.#jar.remove(cookieName, {path, domain});
    }
  }

  #notify(before: Consent | null, decision: Decision, reason: ConsentChangeReason): ConsentChangeDetail {
    this.#current = decision;
    const detail: ConsentChangeDetail = {
      consent: {...decision.consent},
      changed: changedCategories(before, decision.consent),
      reason,
      consentId: decision.consentId,
      decidedAt: decision.decidedAt,
    };
    this.dispatchEvent(new CustomEvent('change', {detail}));
    return detail;
  }

  /** The cookie's raw value; `null` when it cannot be read. */
  #readRaw(): string | undefined | null {
    try {
      return this.#jar.get(this.#options.cookieName);
    } catch (error) {
      warn('could not read the consent cookie; asking again.', error);
      return null;
    }
  }

  #read(): Decision | null {
    return this.#decode(this.#readRaw());
  }

  #decode(raw: string | undefined | null): Decision | null {
    this.#lastRaw = raw;
    if (raw == null) return null;
    const {revision, expiresDays} = this.#options;
    const result = parseDecision(raw, {revision, expiresDays, now: this.#now()});
    if (typeof result === 'string') {
      // A new revision or an expired decision is routine; anything else means the cookie was altered.
      if (result !== 'revision' && result !== 'expired') {
        warn(`ignoring the stored consent cookie "${this.#options.cookieName}" (${result}); asking again.`);
      }
      return null;
    }
    // A category the site no longer offers is not granted, whatever was stored for it.
    for (const category of OPTIONAL_CATEGORIES) {
      if (!this.#options.offered.includes(category)) result.consent[category] = false;
    }
    // The signal is an opt-out even after an earlier opt-in; only a grant made under it counts.
    if (this.#options.honourGpc && !result.gpcGrant) result.consent.targeting = false;
    return result;
  }

  #write(decision: Decision): void {
    const {cookieName, expiresDays, cookieDomain, secure} = this.#options;
    const value = serializeDecision(decision);
    try {
      this.#removeCopies();
      this.#jar.set(cookieName, value, {
        expires: expiresDays,
        path: '/',
        domain: cookieDomain,
        sameSite: 'Lax',
        secure,
      });
      this.#lastRaw = this.#jar.get(cookieName);
      if (this.#lastRaw !== value) {
        warn(
          'the browser did not keep the consent cookie (are cookies blocked?); the decision holds for this page only.'
        );
      }
    } catch (error) {
      warn('could not store the decision in a cookie; it holds for this page only.', error);
    }
  }
}

/** Whether `a` was decided after `b`; the same millisecond is settled by the ids, the same way in every tab. */
function isLater(a: Decision, b: Decision): boolean {
  return a.decidedAt > b.decidedAt || (a.decidedAt === b.decidedAt && a.consentId > b.consentId);
}

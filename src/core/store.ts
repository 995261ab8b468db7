/**
 * The consent store: reads, validates, decides, persists and notifies.
 * No Lit and no DOM in here, so it can be driven directly by tests and by any element.
 * Cookie I/O goes through the small `CookieJar` seam.
 */
import {warn} from './log.js';

export const OPTIONAL_CATEGORIES = ['performance', 'functionality', 'targeting'] as const;
export const CATEGORIES = ['necessary', ...OPTIONAL_CATEGORIES] as const;

export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number];
export type Category = (typeof CATEGORIES)[number];

/** The visitor's decision: `necessary` is always granted. */
export interface Consent {
  necessary: true;
  performance: boolean;
  functionality: boolean;
  targeting: boolean;
}

export type Choices = Partial<Record<OptionalCategory, boolean>>;

export type ConsentChangeReason = 'stored' | 'accept-all' | 'reject-all' | 'save' | 'api' | 'sync';

/** A decision as kept in the cookie: the proof of consent. */
export interface Decision {
  consent: Consent;
  /** The `revision` the decision was made under. */
  revision: string;
  /** When the visitor decided, in milliseconds since the epoch. */
  decidedAt: number;
  /** A random id for this decision, for the site's consent records. */
  consentId: string;
}

export interface ConsentChangeDetail {
  consent: Consent;
  /** Categories whose value differs from before (before a first decision, only `necessary` counted as granted). */
  changed: Category[];
  reason: ConsentChangeReason;
  consentId: string;
  decidedAt: number;
}

/** Where decisions are stored; the default writes a first-party cookie with js-cookie. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieWriteOptions): void;
  remove(name: string, options: {path: string; domain?: string}): void;
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
}

export const DEFAULT_OPTIONS: StoreOptions = {
  cookieName: 'cookie_consent',
  revision: '1',
  expiresDays: 182,
  offered: OPTIONAL_CATEGORIES,
  secure: false,
  honourGpc: false,
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** A decision dated this far in the future was not written by us (clocks drift a little, not this much). */
const CLOCK_SKEW_MS = DAY_MS;
/** Larger values cannot come from us; they are refused before parsing. */
export const MAX_COOKIE_LENGTH = 512;
const CONSENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const STORED_KEYS = ['v', 'rev', 'at', 'id', 'granted'];
const FORMAT_VERSION = 1;

/** What the cookie holds: compact JSON, readable by the site's own server code. */
interface StoredRecord {
  v: 1;
  rev: string;
  at: number;
  id: string;
  granted: OptionalCategory[];
}

export const NO_CONSENT: Consent = {
  necessary: true,
  performance: false,
  functionality: false,
  targeting: false,
};

export function serializeDecision(decision: Decision): string {
  const record: StoredRecord = {
    v: FORMAT_VERSION,
    rev: decision.revision,
    at: decision.decidedAt,
    id: decision.consentId,
    granted: OPTIONAL_CATEGORIES.filter((category) => decision.consent[category]),
  };
  return JSON.stringify(record);
}

function isOptionalCategory(value: unknown): value is OptionalCategory {
  return (OPTIONAL_CATEGORIES as readonly unknown[]).includes(value);
}

/** Why a stored value is no decision; `revision` and `expired` are routine, the rest mean tampering. */
export type Refusal =
  | 'too-long'
  | 'not-json'
  | 'not-an-object'
  | 'unexpected-fields'
  | 'unknown-version'
  | 'bad-revision'
  | 'bad-time'
  | 'bad-id'
  | 'bad-categories'
  | 'revision'
  | 'future'
  | 'expired';

/**
 * Turns a stored cookie value back into a decision, or says why it cannot.
 * Anything we did not write ourselves, for this revision and still in date, is no decision.
 */
export function parseDecision(
  raw: string,
  {revision, expiresDays, now}: {revision: string; expiresDays: number; now: number}
): Decision | Refusal {
  if (raw.length > MAX_COOKIE_LENGTH) return 'too-long';
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return 'not-json';
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not-an-object';
  const keys = Object.keys(data);
  if (keys.length !== STORED_KEYS.length || !STORED_KEYS.every((key) => keys.includes(key))) {
    return 'unexpected-fields';
  }
  const record = data as Record<string, unknown>;
  if (record.v !== FORMAT_VERSION) return 'unknown-version';
  if (typeof record.rev !== 'string') return 'bad-revision';
  if (typeof record.at !== 'number' || !Number.isSafeInteger(record.at) || record.at < 0) return 'bad-time';
  if (typeof record.id !== 'string' || !CONSENT_ID.test(record.id)) return 'bad-id';
  const granted = record.granted;
  if (!Array.isArray(granted) || !granted.every(isOptionalCategory) || new Set(granted).size !== granted.length) {
    return 'bad-categories';
  }
  if (record.rev !== revision) return 'revision';
  if (record.at > now + CLOCK_SKEW_MS) return 'future';
  if (now - record.at > expiresDays * DAY_MS) return 'expired';
  const consent = {...NO_CONSENT};
  for (const category of granted) consent[category] = true;
  return {consent, revision: record.rev, decidedAt: record.at, consentId: record.id};
}

/** A version 4 UUID; `crypto.randomUUID` exists only on secure pages, `getRandomValues` everywhere. */
export function randomConsentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Categories whose value differs between two states; `null` counts as nothing granted but `necessary`. */
export function changedCategories(before: Consent | null, after: Consent): Category[] {
  const from = before ?? NO_CONSENT;
  return CATEGORIES.filter((category) => from[category] !== after[category]);
}

export type ConsentStoreEvent = CustomEvent<ConsentChangeDetail>;

export interface ConsentResetDetail {
  /** What was granted before the decision was forgotten, or `null` if there was none. */
  before: Consent | null;
}

/**
 * Holds the visitor's decision. Dispatches `change` (a `CustomEvent<ConsentChangeDetail>`)
 * for every decision taken through it, and `reset` (`CustomEvent<ConsentResetDetail>`) when a
 * decision is forgotten; reading a stored decision is silent.
 */
export class ConsentStore extends EventTarget {
  private options: StoreOptions = DEFAULT_OPTIONS;
  private current: Decision | null = null;

  constructor(
    private readonly jar: CookieJar,
    private readonly now: () => number = Date.now
  ) {
    super();
  }

  /**
   * The raw cookie as last read or written (`null`: unknown, so the next `refresh()` reads it in
   * full), so `refresh()` skips a cookie that did not change, including one the browser refused.
   */
  private lastRaw: string | undefined | null = null;

  /** Applies new options and reads the stored decision again under them; a decision they void is a `reset`. */
  configure(options: StoreOptions): void {
    const before = this.current;
    this.options = options;
    this.current = this.read();
    if (before && !this.current) this.dispatchReset(before.consent);
  }

  get decision(): Decision | null {
    return this.current;
  }

  get consent(): Consent | null {
    return this.current ? {...this.current.consent} : null;
  }

  get cookieName(): string {
    return this.options.cookieName;
  }

  get offered(): readonly OptionalCategory[] {
    return this.options.offered;
  }

  get honoursGpc(): boolean {
    return this.options.honourGpc;
  }

  /** Records a decision; categories not named keep their current value, unoffered ones stay off. */
  decide(choices: Choices, reason: ConsentChangeReason): ConsentChangeDetail {
    const before = this.current?.consent ?? null;
    const consent = {...(before ?? NO_CONSENT)};
    for (const category of OPTIONAL_CATEGORIES) {
      const choice = choices[category] ?? consent[category];
      consent[category] = this.options.offered.includes(category) && choice === true;
    }
    const decision: Decision = {
      consent,
      revision: this.options.revision,
      decidedAt: this.now(),
      consentId: randomConsentId(),
    };
    this.write(decision);
    return this.notify(before, decision, reason);
  }

  /**
   * Grants every offered category (but `targeting` while a Global Privacy Control signal is
   * honoured: it then takes `ownTargeting`, the visitor's own switch, else keeps its value).
   */
  acceptAll(reason: ConsentChangeReason = 'accept-all', ownTargeting?: boolean): ConsentChangeDetail {
    return this.decide(
      {performance: true, functionality: true, targeting: this.options.honourGpc ? ownTargeting : true},
      reason
    );
  }

  /** Refuses every optional category. */
  rejectAll(reason: ConsentChangeReason = 'reject-all'): ConsentChangeDetail {
    return this.decide({performance: false, functionality: false, targeting: false}, reason);
  }

  /** Forgets the decision, as if the visitor had never decided; dispatches `reset`. */
  reset(): void {
    const before = this.current;
    this.current = null;
    this.removeCookie();
    this.dispatchReset(before?.consent ?? null);
  }

  /**
   * Reads the cookie again after another tab may have decided, and notifies with `reason` when it
   * holds a different decision. A decision forgotten elsewhere is forgotten here too (`reset`).
   */
  refresh(reason: ConsentChangeReason): ConsentChangeDetail | null {
    const raw = this.readRaw();
    // Unreadable, or as last read or written here: nothing to learn (the common case, and the cheap one).
    if (raw === null || raw === this.lastRaw) return null;
    const before = this.current;
    const stored = this.decode(raw);
    if (!stored) {
      this.current = null;
      if (before) this.dispatchReset(before.consent);
      return null;
    }
    if (stored.consentId === before?.consentId) return null;
    return this.notify(before?.consent ?? null, stored, reason);
  }

  /** `reset` carries what was granted before, so withdrawals can take effect. */
  private dispatchReset(before: Consent | null): void {
    this.dispatchEvent(new CustomEvent<ConsentResetDetail>('reset', {detail: {before}}));
  }

  /** Removes the cookie, and a host-only one left from before `cookie-domain` was set, which would shadow it. */
  private removeCookie(): void {
    this.lastRaw = null;
    const {cookieName, cookieDomain} = this.options;
    try {
      this.jar.remove(cookieName, {path: '/', domain: cookieDomain});
      if (cookieDomain) this.jar.remove(cookieName, {path: '/'});
    } catch (error) {
      warn('could not delete the consent cookie.', error);
    }
  }

  private notify(before: Consent | null, decision: Decision, reason: ConsentChangeReason): ConsentChangeDetail {
    this.current = decision;
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
  private readRaw(): string | undefined | null {
    try {
      return this.jar.get(this.options.cookieName);
    } catch (error) {
      warn('could not read the consent cookie; asking again.', error);
      return null;
    }
  }

  private read(): Decision | null {
    return this.decode(this.readRaw());
  }

  private decode(raw: string | undefined | null): Decision | null {
    this.lastRaw = raw;
    if (raw == null) return null;
    const {revision, expiresDays} = this.options;
    const result = parseDecision(raw, {revision, expiresDays, now: this.now()});
    if (typeof result === 'string') {
      // A new revision or an expired decision is routine; anything else means the cookie was altered.
      if (result !== 'revision' && result !== 'expired') {
        warn(`ignoring the stored consent cookie "${this.options.cookieName}" (${result}); asking again.`);
      }
      return null;
    }
    // A category the site no longer offers is not granted, whatever was stored for it.
    for (const category of OPTIONAL_CATEGORIES) {
      if (!this.options.offered.includes(category)) result.consent[category] = false;
    }
    return result;
  }

  private write(decision: Decision): void {
    const {cookieName, expiresDays, cookieDomain, secure} = this.options;
    const value = serializeDecision(decision);
    try {
      // A host-only cookie from before `cookie-domain` was set would be read first: remove it.
      if (cookieDomain) this.jar.remove(cookieName, {path: '/'});
      this.jar.set(cookieName, value, {expires: expiresDays, path: '/', domain: cookieDomain, sameSite: 'Lax', secure});
      this.lastRaw = this.jar.get(cookieName);
      if (this.lastRaw !== value) {
        warn(
          'the browser did not keep the consent cookie (are cookies blocked?); the decision holds for this page only.'
        );
      }
    } catch (error) {
      warn('could not store the decision in a cookie; it holds for this page only.', error);
    }
  }
}

/**
 * The decision as the library keeps it: the categories, the cookie's format, and its parsing.
 * Anything we did not write ourselves, for this revision and still in date, is no decision.
 */
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
  /**
   * `targeting` was granted by the visitor's own choice (a switch, a gate's button) while a Global
   * Privacy Control signal was honoured. Without it, the signal refuses `targeting` whatever is stored.
   */
  gpcGrant: boolean;
}

export interface ConsentChangeDetail {
  consent: Consent;
  /** Categories whose value differs from before (before a first decision, only `necessary` counted as granted). */
  changed: Category[];
  reason: ConsentChangeReason;
  consentId: string;
  decidedAt: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A decision dated this far in the future was not written by us (clocks drift a little, not this much). */
const CLOCK_SKEW_MS = DAY_MS;
/** Larger values cannot come from us; they are refused before parsing. */
export const MAX_COOKIE_LENGTH = 512;
const CONSENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const STORED_KEYS = ['v', 'rev', 'at', 'id', 'granted'];
/** Format 2 adds `gpc`; format 1 (without it) is still read, as a decision without a `gpcGrant`. */
const FORMAT_VERSION = 2;

/** What the cookie holds: compact JSON, readable by the site's own server code. */
interface StoredRecord {
  v: 2;
  rev: string;
  at: number;
  id: string;
  granted: OptionalCategory[];
  /** `Decision.gpcGrant`: true only with `targeting` granted. */
  gpc: boolean;
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
    gpc: decision.gpcGrant && decision.consent.targeting,
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
  | 'bad-gpc'
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
  const record = data as Record<string, unknown>;
  const expected = record.v === FORMAT_VERSION ? [...STORED_KEYS, 'gpc'] : STORED_KEYS;
  const keys = Object.keys(data);
  if (keys.length !== expected.length || !expected.every((key) => keys.includes(key))) {
    return 'unexpected-fields';
  }
  if (record.v !== FORMAT_VERSION && record.v !== 1) return 'unknown-version';
  if (typeof record.rev !== 'string') return 'bad-revision';
  if (typeof record.at !== 'number' || !Number.isSafeInteger(record.at) || record.at < 0) return 'bad-time';
  if (typeof record.id !== 'string' || !CONSENT_ID.test(record.id)) return 'bad-id';
  const granted = record.granted;
  if (!Array.isArray(granted) || !granted.every(isOptionalCategory) || new Set(granted).size !== granted.length) {
    return 'bad-categories';
  }
  const gpcGrant = record.v === 1 ? false : record.gpc;
  if (typeof gpcGrant !== 'boolean' || (gpcGrant && !granted.includes('targeting'))) return 'bad-gpc';
  if (record.rev !== revision) return 'revision';
  if (record.at > now + CLOCK_SKEW_MS) return 'future';
  if (now - record.at > expiresDays * DAY_MS) return 'expired';
  const consent = {...NO_CONSENT};
  for (const category of granted) consent[category] = true;
  return {consent, revision: record.rev, decidedAt: record.at, consentId: record.id, gpcGrant};
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

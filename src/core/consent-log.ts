/**
 * Proof of consent: each decision, and each withdrawal by `reset()`, sent as a small JSON record
 * to the site's `log-endpoint`. Its schema is `schema/consent-record.schema.json` (version
 * `schemaVersion`); the README's "Proof of consent" describes it.
 */
import {warn} from './log.js';
import {NO_CONSENT, type Consent, type ConsentChangeReason, type OptionalCategory} from './decision.js';
import type {ConsentStore} from './store.js';
import {VERSION} from './version.js';

/** The control the visitor decided with; `api` is the site's own code (a call, or `reset()`). */
export type DecisionSource = 'banner' | 'panel' | 'gate' | 'api';

/**
 * What the core knows of a decision when it is made; for a withdrawal by `reset()`, of the decision
 * withdrawn (its id and revision).
 */
export interface RecordFacts {
  reason: ConsentChangeReason | 'reset';
  consent: Consent;
  consentId: string;
  decidedAt: number;
  revision: string;
  /** The store, read for what was offered and whether a GPC signal is honoured. */
  store: Pick<ConsentStore, 'offered' | 'honoursGpc' | 'exempt'>;
  source?: DecisionSource;
  /** A hash of the texts of the control the visitor decided with; none for the site's own code. */
  textsHash?: string;
  locale: string;
}

export interface ConsentRecord {
  /** The version of this record's schema; a change of meaning or a removed field raises it. */
  schemaVersion: 1;
  /** The version of cookie-consent-elements that made the record. */
  libraryVersion: string;
  consentId: string;
  /** ISO 8601 time of the decision. */
  decidedAt: string;
  revision: string;
  consent: Consent;
  /** The optional categories the visitor was offered: one not offered was not refused. */
  offered: OptionalCategory[];
  /** The categories the site used without consent until the visitor decided (`exempt`, UK only). */
  exempt: OptionalCategory[];
  reason: RecordFacts['reason'];
  source: DecisionSource;
  /** Whether the browser sent a Global Privacy Control signal, and whether it was honoured. */
  gpc: {signal: boolean; honoured: boolean};
  locale: string;
  /** 8 hex digits hashing the texts the visitor was shown (they change with translations); `null` with no UI. */
  textsHash: string | null;
  /** The page's origin; with `log-url="path"`, its path too. Never its query or fragment. */
  url: string;
}

/** The record of a decision; `logUrl` is the `log-url` attribute. */
export function consentRecord(facts: RecordFacts, logUrl?: string): ConsentRecord {
  if (logUrl && logUrl !== 'path' && logUrl !== 'origin') {
    warn(`log-url="${logUrl}" is not one of origin, path; the record holds the origin only.`);
  }
  const signal = (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;
  const withdrawn = facts.reason === 'reset';
  return {
    schemaVersion: 1,
    libraryVersion: VERSION,
    consentId: facts.consentId,
    decidedAt: new Date(withdrawn ? Date.now() : facts.decidedAt).toISOString(),
    revision: facts.revision,
    consent: withdrawn ? {...NO_CONSENT} : {...facts.consent},
    offered: [...facts.store.offered],
    exempt: [...facts.store.exempt],
    reason: facts.reason,
    source: facts.source ?? 'api',
    gpc: {signal, honoured: signal && facts.store.honoursGpc},
    locale: facts.locale,
    textsHash: facts.textsHash ?? null,
    url: location.origin + (logUrl === 'path' ? location.pathname : ''),
  };
}

/**
 * Sent as `text/plain` JSON, which needs no CORS preflight; a failure never reaches the page.
 */
export function sendConsentRecord(endpoint: string, record: ConsentRecord): void {
  try {
    if (!navigator.sendBeacon(endpoint, JSON.stringify(record))) {
      warn(`the browser refused to send the consent record to ${endpoint}.`);
    }
  } catch (error) {
    warn(`could not send the consent record to ${endpoint}.`, error);
  }
}

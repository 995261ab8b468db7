/** Proof of consent: each decision sent as a small JSON record to the site's `log-endpoint`. */
import {warn} from './log.js';
import type {ConsentChangeDetail, Decision} from './store.js';

export interface ConsentRecord {
  consentId: string;
  /** ISO 8601 time of the decision. */
  decidedAt: string;
  revision: string;
  consent: ConsentChangeDetail['consent'];
  reason: ConsentChangeDetail['reason'];
  locale: string;
  /** The page the decision was made on, without query or fragment (they may hold personal data). */
  url: string;
}

/** The record of a decision; `locale` is the language the visitor was shown. */
export function consentRecord(detail: ConsentChangeDetail, decision: Decision, locale: string): ConsentRecord {
  return {
    consentId: detail.consentId,
    decidedAt: new Date(detail.decidedAt).toISOString(),
    revision: decision.revision,
    consent: detail.consent,
    reason: detail.reason,
    locale,
    url: location.origin + location.pathname,
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

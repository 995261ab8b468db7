/** The library's classes and types, without registering any element (see `define.js`). */
export {CookieConsent} from './cookie-consent.js';
export {CookieConsentGate} from './elements/gate.js';
export {CookieDeclaration} from './elements/declaration.js';
export {CookieConsentChangeEvent, CookieConsentResetEvent} from './core/events.js';
export {ConsentStore, CATEGORIES, OPTIONAL_CATEGORIES} from './core/store.js';
export type {
  Category,
  Choices,
  Consent,
  ConsentChangeDetail,
  ConsentChangeReason,
  CookieJar,
  Decision,
  OptionalCategory,
} from './core/store.js';
export type {DeclaredItem, Declarations, StorageKind} from './core/declarations.js';
export type {CookieConsentAuditEvent} from './audit/events.js';
export type {AuditReport, Draft, DraftItem, Finding, FindingKind, Phase} from './audit/observation.js';

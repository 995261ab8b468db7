/** The library's classes and types, without registering any element (see `define.js`). */
export {CookieConsent} from './cookie-consent.js';
export {CookieConsentGate} from './cookie-consent-gate.js';
export {CookieDeclaration} from './cookie-declaration.js';
export {CookieConsentChangeEvent} from './events.js';
export {ConsentStore, CATEGORIES, OPTIONAL_CATEGORIES} from './store.js';
export type {
  Category,
  Choices,
  Consent,
  ConsentChangeDetail,
  ConsentChangeReason,
  CookieJar,
  Decision,
  OptionalCategory,
} from './store.js';
export type {DeclaredItem, Declarations, StorageKind} from './declarations.js';

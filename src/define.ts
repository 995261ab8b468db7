/**
 * Registers the library's elements. Guarded, so a second copy of the bundle on the page,
 * or an element already defined by another copy, is left alone instead of throwing.
 */
import {CookieConsent} from './cookie-consent.js';
import {CookieConsentGate} from './cookie-consent-gate.js';
import {CookieDeclaration} from './cookie-declaration.js';

const elements = {
  'cookie-consent': CookieConsent,
  'cookie-consent-gate': CookieConsentGate,
  'cookie-declaration': CookieDeclaration,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent': CookieConsent;
    'cookie-consent-gate': CookieConsentGate;
    'cookie-declaration': CookieDeclaration;
  }
}

export {CookieConsent, CookieConsentGate, CookieDeclaration};

/** Registers all of the library's elements (the npm entry with side effects). */
import {CookieConsent} from './cookie-consent.js';
import {CookieConsentGate} from './cookie-consent-gate.js';
import {CookieDeclaration} from './cookie-declaration.js';
import {defineElement} from './registry.js';

defineElement('cookie-consent', CookieConsent);
defineElement('cookie-consent-gate', CookieConsentGate);
defineElement('cookie-declaration', CookieDeclaration);

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent': CookieConsent;
    'cookie-consent-gate': CookieConsentGate;
    'cookie-declaration': CookieDeclaration;
  }
}

export {CookieConsent, CookieConsentGate, CookieDeclaration};

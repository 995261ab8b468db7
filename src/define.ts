/** Registers all of the library's elements (the npm entry with side effects). */
import {CookieConsent} from './cookie-consent.js';
import {CookieConsentGate} from './elements/gate.js';
import {CookieDeclaration} from './elements/declaration.js';
import {defineElement} from './core/registry.js';

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

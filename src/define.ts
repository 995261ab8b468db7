/**
 * Registers the library's elements. Guarded, so a second copy of the bundle on the page,
 * or an element already defined by another copy, is left alone instead of throwing.
 */
import {CookieConsent} from './cookie-consent.js';

const elements = {
  'cookie-consent': CookieConsent,
} as const;

for (const [tag, element] of Object.entries(elements)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent': CookieConsent;
  }
}

export {CookieConsent};

import type {ConsentChangeDetail} from './store.js';

/**
 * Fired by `<cookie-consent>` once on load when a valid decision is stored, and on every decision after.
 * Bubbles and is composed, so `document` and `window` listeners receive it.
 */
export class CookieConsentChangeEvent extends CustomEvent<ConsentChangeDetail> {
  static readonly type = 'cookie-consent-change';

  constructor(detail: ConsentChangeDetail) {
    super(CookieConsentChangeEvent.type, {detail, bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cookie-consent-change': CookieConsentChangeEvent;
  }
}

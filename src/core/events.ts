import type {ConsentChangeDetail} from './decision.js';

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

/**
 * Fired by `<cookie-consent>` when the decision is forgotten (`reset()`, here or in another tab,
 * or a new `revision`); its `consent` is then `null`. Bubbles and is composed.
 */
export class CookieConsentResetEvent extends Event {
  static readonly type = 'cookie-consent-reset';

  constructor() {
    super(CookieConsentResetEvent.type, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cookie-consent-change': CookieConsentChangeEvent;
    'cookie-consent-reset': CookieConsentResetEvent;
  }
}

import type {AuditReport} from './observation.js';

/**
 * Fired by `<cookie-consent audit>` after each look the audit takes at the page: once it has
 * loaded, and after each decision. `detail` holds the findings the console shows, as data.
 * Bubbles and is composed, so `document` and `window` listeners receive it.
 */
export class CookieConsentAuditEvent extends CustomEvent<AuditReport> {
  static readonly type = 'cookie-consent-audit';

  constructor(detail: AuditReport) {
    super(CookieConsentAuditEvent.type, {detail, bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cookie-consent-audit': CookieConsentAuditEvent;
  }
}

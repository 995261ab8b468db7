import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {parseCategories} from '../core/options.js';
import type {CookieConsent} from '../cookie-consent.js';
import type {Consent, OptionalCategory} from '../core/store.js';

/**
 * Links an element to the page's `<cookie-consent>`: re-renders its host on every decision
 * (including the `stored` one on load) and when the decision is forgotten and gives it the current consent and the element.
 */
export class ConsentController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** The page's `<cookie-consent>`, once it is defined. */
  get element(): CookieConsent | null {
    const element = this.host.ownerDocument.querySelector('cookie-consent');
    return element && 'consent' in element ? (element as CookieConsent) : null;
  }

  /** The current decision, or `null` while undecided or before `<cookie-consent>` is ready. */
  get consent(): Consent | null {
    return this.element?.consent ?? null;
  }

  /** The categories the page's `<cookie-consent>` offers (which warns of a wrong `categories` itself). */
  get offered(): readonly OptionalCategory[] {
    const source = this.element?.categories;
    if (!this.parsed || this.parsed.source !== source)
      this.parsed = {source, categories: parseCategories(source, false)};
    return this.parsed.categories;
  }

  private parsed?: {source: string | undefined; categories: readonly OptionalCategory[]};

  hostConnected(): void {
    this.host.ownerDocument.addEventListener('cookie-consent-change', this.update);
    this.host.ownerDocument.addEventListener('cookie-consent-reset', this.update);
    if (!this.element) void customElements.whenDefined('cookie-consent').then(this.update);
  }

  hostDisconnected(): void {
    this.host.ownerDocument.removeEventListener('cookie-consent-change', this.update);
    this.host.ownerDocument.removeEventListener('cookie-consent-reset', this.update);
  }

  private readonly update = (): void => this.host.requestUpdate();
}

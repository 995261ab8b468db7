/**
 * `<cookie-consent>`: the public element, a thin host over the page's consent session
 * (`core/session.ts`). It is a plain custom element with no Lit: a returning visitor, who is
 * shown nothing, loads only the core. The banner and the preferences panel are LitElements in
 * lazy chunks (`ui/`), put in this element's shadow root when something must be shown.
 */
import {attributeNames, reflect, upgradeProperties, type Attributes} from './core/attributes.js';
import {warn} from './core/log.js';
import {session, type SessionHost} from './core/session.js';
import type {Choices, Consent, OptionalCategory} from './core/store.js';
import {UiLoader} from './core/ui-loader.js';

/** The values of the enumerated attributes; the first is the default. */
const CHOICES: Record<string, string[] | undefined> = {layout: ['bar', 'box'], theme: ['auto', 'light', 'dark']};

const ATTRIBUTES = {
  policyUrl: ['policy-url', undefined],
  revision: ['revision', '1'],
  expiresDays: ['expires-days', 182],
  cookieName: ['cookie-name', 'cookie_consent'],
  cookieDomain: ['cookie-domain', undefined],
  categories: ['categories', 'performance functionality targeting'],
  uiLang: ['lang', undefined],
  googleConsentMode: ['google-consent-mode', false],
  noAdsDataRedaction: ['no-ads-data-redaction', false],
  urlPassthrough: ['url-passthrough', false],
  ignoreGpc: ['ignore-gpc', false],
  exempt: ['exempt', undefined],
  reloadOnWithdraw: ['reload-on-withdraw', false],
  logEndpoint: ['log-endpoint', undefined],
  logUrl: ['log-url', undefined],
  layout: ['layout', 'bar'],
  theme: ['theme', 'auto'],
  src: ['src', undefined],
} as const satisfies Attributes;

/**
 * The consent banner and preferences panel. Place it once, first in `<body>`.
 *
 * @tagname cookie-consent
 * @summary Asks for cookie consent, stores the decision and tells the page about it.
 *
 * @fires {CookieConsentChangeEvent} cookie-consent-change - On load when a valid decision is stored (`reason: 'stored'`), and on every decision.
 * @attr {boolean} audit - Development and staging only: loads the audit, which reports in the console, and as a `cookie-consent-audit` event, what the page does before consent and after a refusal, undeclared cookies and unreadable colours. Read once, when the element starts running the page.
 *
 * @fires {CookieConsentAuditEvent} cookie-consent-audit - With `audit`: after each look the audit takes at the page (once loaded, and after each decision); `detail` holds the findings.
 * @fires {CookieConsentResetEvent} cookie-consent-reset - When the decision is forgotten (`reset()`, here or in another tab); `consent` is then `null`.
 *
 * @slot title - The site's own banner heading, shown instead of ours in every language (e.g. `<span slot="title">…</span>`).
 * @slot message - The site's own banner message, shown instead of ours in every language; it may hold links (e.g. `<span slot="message">…</span>`).
 *
 * @csspart banner - The bar or box shown until the visitor decides.
 * @csspart title - The banner's heading.
 * @csspart message - The banner's text.
 * @csspart policy-link - The "find out more" link to the cookie policy.
 * @csspart purposes - The banner's list of what the optional cookies offered are used for.
 * @csspart button - Every button.
 * @csspart accept - The banner's agree button.
 * @csspart reject - The banner's don't-agree button.
 * @csspart preferences - The banner's button that opens the panel.
 * @csspart dialog - The preferences panel (a native `<dialog>`).
 * @csspart category - One category in the panel.
 * @csspart switch - A category's switch.
 * @csspart close - The panel's close button.
 * @csspart accept-all - The panel's "Accept all" button.
 * @csspart reject-all - The panel's "Reject all" button.
 * @csspart save - The panel's "Save my choices" button.
 * @csspart gpc-note - The panel's note that a Global Privacy Control signal is honoured.
 * @csspart receipt - The panel's line with the consent ID and date of the stored decision.
 *
 * @cssprop [--cookie-consent-background=#ffffff / #1c1f24] - Background of the banner and panel.
 * @cssprop [--cookie-consent-color=#1b1d21 / #f3f4f6] - Text colour.
 * @cssprop [--cookie-consent-muted-color=#4b5260 / #c7ccd4] - Colour of secondary text.
 * @cssprop [--cookie-consent-accent=#1d4ed8 / #9cc4ff] - Background of the agree and don't-agree buttons, links, switches that are on.
 * @cssprop [--cookie-consent-accent-color=#ffffff / #0b1526] - Text on the accent colour.
 * @cssprop [--cookie-consent-border-color=#6b7280 / #9aa3af] - Borders and switches that are off.
 * @cssprop [--cookie-consent-focus-color=#b45309 / #ffd166] - Focus outline.
 * @cssprop [--cookie-consent-font-family=system-ui] - Font.
 * @cssprop [--cookie-consent-font-size=medium] - Base font size (medium is the visitor's own default).
 * @cssprop [--cookie-consent-radius=0.5em] - Corner radius.
 * @cssprop [--cookie-consent-max-width=72em] - Width of the bar's content.
 * @cssprop [--cookie-consent-duration=200ms] - Length of the entry animations (0 when reduced motion is asked for).
 * @cssprop [--cookie-consent-z-index=2147483000] - Stacking order of the banner where the browser has no top layer (no popover), and of the status notice when it has focus.
 */
export class CookieConsent extends HTMLElement implements SessionHost {
  static readonly observedAttributes = attributeNames(ATTRIBUTES);

  /**
   * The cookie policy page for the "find out more" link; only `http:`, `https:` and relative URLs are used.
   * @attr policy-url
   */
  declare policyUrl?: string;

  /**
   * A decision stored under another revision is void and the banner asks again.
   * @attr revision
   * @default '1'
   */
  declare revision: string;

  /**
   * Days a decision, acceptance or refusal, is kept (at most 400).
   * @attr expires-days
   * @default 182
   */
  declare expiresDays: number;

  /**
   * Name of the one cookie the library writes.
   * @attr cookie-name
   * @default 'cookie_consent'
   */
  declare cookieName: string;

  /**
   * Domain of the cookie, e.g. `.example.org` to share the decision across subdomains.
   * @attr cookie-domain
   */
  declare cookieDomain?: string;

  /**
   * Optional categories offered, space-separated.
   * @attr categories
   * @default 'performance functionality targeting'
   */
  declare categories: string;

  /**
   * Language of the UI (defaults to the closest `lang` of the page, then the browser's).
   * @attr lang
   */
  declare uiLang?: string;

  /**
   * Drive Google Consent Mode v2.
   * @attr google-consent-mode
   * @default false
   */
  declare googleConsentMode: boolean;

  /**
   * With `google-consent-mode`: do not redact ad click identifiers while `ad_storage` is denied.
   * @attr no-ads-data-redaction
   */
  declare noAdsDataRedaction: boolean;

  /**
   * With `google-consent-mode`: pass ad click information in links (`url_passthrough`).
   * @attr url-passthrough
   */
  declare urlPassthrough: boolean;

  /**
   * Let "accept all" grant `targeting` despite a Global Privacy Control signal.
   * @attr ignore-gpc
   * @default false
   */
  declare ignoreGpc: boolean;

  /**
   * UK sites only: `performance` and/or `functionality`, used without consent until the visitor
   * objects, as the Data (Use and Access) Act 2025 allows. Not for sites under EU rules.
   * @attr exempt
   */
  declare exempt: string | undefined;

  /**
   * Reload the page after a category is withdrawn, since running scripts cannot be stopped.
   * @attr reload-on-withdraw
   * @default false
   */
  declare reloadOnWithdraw: boolean;

  /**
   * URL that receives each decision as a JSON record sent with `navigator.sendBeacon`.
   * @attr log-endpoint
   */
  declare logEndpoint?: string;

  /**
   * What of the page's URL the consent record holds: `origin` (the default), or `path` for the
   * origin and path (a path may hold personal data: use it only where yours do not).
   * @attr log-url
   */
  declare logUrl?: 'origin' | 'path';

  /**
   * `bar` (full width, at the bottom) or `box` (in a corner).
   * @attr layout
   * @default 'bar'
   */
  declare layout: 'bar' | 'box';

  /**
   * `auto` follows `prefers-color-scheme`; `light` or `dark` force one.
   * @attr theme
   * @default 'auto'
   */
  declare theme: 'auto' | 'light' | 'dark';

  /**
   * A same-origin URL of the site's JSON configuration (`cookies` and `texts`), shared by every
   * page; fetched once per page with the browser's cache. The inline JSON block still works, and
   * wins where both say the same thing.
   * @attr src
   */
  declare src?: string;

  /** The banner and panel, once loaded into the shadow root. */
  readonly #ui = new UiLoader(this, this.attachShadow({mode: 'open'}));

  /** The current decision, or `null` while the visitor has not decided. */
  get consent(): Consent | null {
    if (!session.host || session.host === this) session.configure(this);
    return session.store.consent;
  }

  /** Resolves once what the state asks for is shown, and the chunks this page's decisions need are at hand. */
  get updateComplete(): Promise<boolean> {
    return Promise.all([this.#ui.updateComplete, session.ready]).then(() => true);
  }

  /** Opens the preferences panel; focus returns to the element focused before, when it closes. */
  showPreferences(): Promise<void> {
    const host = session.host;
    if (host && host !== this) return host.showPreferences();
    return this.#ui.showPanel();
  }

  /** Grants every offered category (but `targeting` while a Global Privacy Control signal is honoured). */
  acceptAll(): void {
    session.acceptAll();
  }

  /** Refuses every optional category. */
  rejectAll(): void {
    session.rejectAll();
  }

  /** Records a decision for the named categories; the others keep their value (or stay off). */
  save(choices: Choices): void {
    session.save(choices);
  }

  /**
   * Grants one category on the visitor's request, e.g. from a `<cookie-consent-gate>` (`reason: 'save'`).
   * @internal
   */
  grant(category: OptionalCategory): void {
    session.grant(category);
  }

  /**
   * Forgets the decision and shows the banner again, here and in the site's other tabs. This
   * withdraws every category: declared cookies are deleted and, with `reload-on-withdraw`, the
   * page reloads if anything had been granted. Fires `cookie-consent-reset`.
   */
  reset(): void {
    session.reset();
  }

  connectedCallback(): void {
    upgradeProperties(this, ATTRIBUTES);
    session.join(this);
  }

  disconnectedCallback(): void {
    session.leave(this);
    this.#ui.stop();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    const choices = Object.hasOwn(CHOICES, name) ? CHOICES[name] : undefined;
    if (choices && value !== null && !choices.includes(value)) {
      warn(`${name}="${value}" is not one of ${choices.join(', ')}; using ${choices[0]}.`);
    }
    if (session.host === this) session.configure(this);
    this.#ui.update();
  }

  /** @internal */
  sessionChanged(): void {
    if (session.host === this) {
      this.#ui.start();
      // Development and staging only: the audit is fetched with the attribute, never without; it
      // audits the page this element runs.
      if (this.hasAttribute('audit'))
        import('./audit/audit.js').catch((error) => warn('could not load the audit.', error));
    } else this.#ui.stop();
  }
}

reflect(CookieConsent, ATTRIBUTES);

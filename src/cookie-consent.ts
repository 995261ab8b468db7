// A checkbox with role="switch" takes its state from `checked`; ARIA in HTML says not to add aria-checked.
/* eslint-disable lit-a11y/role-has-required-aria-attrs */
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {localized, msg, str} from '@lit/localize';
import {styles} from './cookie-consent.styles.js';
import {controls, theme} from './theme.styles.js';
import {consentRecord, sendConsentRecord} from './consent-log.js';
import {documentCookieJar} from './cookie-jar.js';
import {parseCategories, parseCookieName, parseExpiresDays, parseRevision, safeUrl} from './config.js';
import {emptyDeclarations, parseDeclarations, type Declarations} from './declarations.js';
import {CookieConsentChangeEvent} from './events.js';
import {activeLocale, LocaleController} from './localization.js';
import {warn} from './log.js';
import {PageInset} from './page-inset.js';
import {pushConsentDefault, pushConsentUpdate} from './consent-mode.js';
import {Gatekeeper} from './gating.js';
import {forgetDeclared} from './withdrawal.js';
import {alwaysOn, categoryDescription, categoryName} from './texts.js';
import {
  changedCategories,
  ConsentStore,
  NO_CONSENT,
  OPTIONAL_CATEGORIES,
  type Choices,
  type Consent,
  type ConsentChangeDetail,
  type ConsentResetDetail,
  type ConsentStoreEvent,
  type OptionalCategory,
} from './store.js';

const LAYOUTS = ['bar', 'box'];
const THEMES = ['auto', 'light', 'dark'];

/**
 * The consent banner and preferences panel. Place it once, first in `<body>`.
 *
 * @tagname cookie-consent
 * @summary Asks for cookie consent, stores the decision and tells the page about it.
 *
 * @fires cookie-consent-change - On load when a valid decision is stored (`reason: 'stored'`), and on every decision.
 * @fires cookie-consent-reset - When the decision is forgotten (`reset()`, here or in another tab); `consent` is then `null`.
 *
 * @csspart banner - The bar or box shown until the visitor decides.
 * @csspart title - The banner's heading.
 * @csspart message - The banner's text.
 * @csspart policy-link - The "find out more" link to the cookie policy.
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
 * @cssprop [--cookie-consent-radius=0.5rem] - Corner radius.
 * @cssprop [--cookie-consent-max-width=72rem] - Width of the bar's content.
 * @cssprop [--cookie-consent-duration=200ms] - Length of the entry animations (0 when reduced motion is asked for).
 * @cssprop [--cookie-consent-z-index=2147483000] - Stacking order of the banner.
 */
@localized()
export class CookieConsent extends LitElement {
  static override styles = [theme, controls, styles];

  /** The cookie policy page for the "find out more" link; only `http:`, `https:` and relative URLs are used. */
  @property({attribute: 'policy-url'}) policyUrl?: string;

  /** A decision stored under another revision is void and the banner asks again. */
  @property() revision = '1';

  /** Days a decision, acceptance or refusal, is kept (at most 400). */
  @property({attribute: 'expires-days', type: Number}) expiresDays = 182;

  /** Name of the one cookie the library writes. */
  @property({attribute: 'cookie-name'}) cookieName = 'cookie_consent';

  /** Domain of the cookie, e.g. `.example.org` to share the decision across subdomains. */
  @property({attribute: 'cookie-domain'}) cookieDomain?: string;

  /** Optional categories offered, space-separated. */
  @property() categories = 'performance functionality targeting';

  /** Language of the UI (defaults to the closest `lang` of the page, then the browser's). */
  @property({attribute: 'lang'}) uiLang?: string;

  /** Drive Google Consent Mode v2. */
  @property({type: Boolean, attribute: 'google-consent-mode'}) googleConsentMode = false;

  /** Let "accept all" grant `targeting` despite a Global Privacy Control signal. */
  @property({type: Boolean, attribute: 'ignore-gpc'}) ignoreGpc = false;

  /** Reload the page after a category is withdrawn, since running scripts cannot be stopped. */
  @property({type: Boolean, attribute: 'reload-on-withdraw'}) reloadOnWithdraw = false;

  /** URL that receives each decision as a JSON record sent with `navigator.sendBeacon`. */
  @property({attribute: 'log-endpoint'}) logEndpoint?: string;

  /** `bar` (full width, at the bottom) or `box` (in a corner). */
  @property({reflect: true}) layout: 'bar' | 'box' = 'bar';

  /** `auto` follows `prefers-color-scheme`; `light` or `dark` force one. */
  @property({reflect: true}) theme: 'auto' | 'light' | 'dark' = 'auto';

  @state() private panelOpen = false;
  @state() private draft: Consent = {...NO_CONSENT};
  @state() private status = '';

  @query('.banner') private banner?: HTMLElement;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[role="status"]') private statusRegion?: HTMLElement;

  private readonly store = new ConsentStore(documentCookieJar);
  private storeAttributes = '';
  private duplicate = false;
  /** Set while this element runs the page (connected, and not a duplicate). */
  private running = false;
  private parsedDeclarations?: Declarations;
  private parsedHandlerScheduled = false;
  private decidedSinceLoad = false;
  private readonly inset = new PageInset();
  private readonly locale = new LocaleController(this);
  private readonly gatekeeper = new Gatekeeper(document);
  private channel?: BroadcastChannel;
  /** Where focus was before it entered the banner, to put it back after a decision. */
  private focusBeforeBanner: HTMLElement | null = null;
  /** What opened the panel, to put focus back when it closes. */
  private panelOpener: HTMLElement | null = null;

  /** The current decision, or `null` while the visitor has not decided. */
  get consent(): Consent | null {
    const primary = this.primary;
    if (primary !== this) return primary.consent;
    this.syncStore();
    return this.store.consent;
  }

  /** Opens the preferences panel; focus returns to the element focused before, when it closes. */
  async showPreferences(): Promise<void> {
    const primary = this.primary;
    if (primary !== this) return primary.showPreferences();
    if (this.dialog?.open) return;
    this.panelOpener = deepActiveElement();
    this.draft = {...(this.store.consent ?? NO_CONSENT)};
    this.panelOpen = true;
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  /** Grants every offered category. */
  acceptAll(): void {
    const primary = this.primary;
    if (primary !== this) return primary.acceptAll();
    this.store.acceptAll();
  }

  /** Refuses every optional category. */
  rejectAll(): void {
    const primary = this.primary;
    if (primary !== this) return primary.rejectAll();
    this.store.rejectAll();
  }

  /** Records a decision for the named categories; the others keep their value (or stay off). */
  save(choices: Choices): void {
    const primary = this.primary;
    if (primary !== this) return primary.save(choices);
    const valid: Choices = {};
    for (const [name, value] of Object.entries(choices ?? {})) {
      if (!(OPTIONAL_CATEGORIES as readonly string[]).includes(name) || typeof value !== 'boolean') {
        warn(`save() ignores ${name}: ${String(value)}; pass booleans for ${OPTIONAL_CATEGORIES.join(', ')}.`);
      } else {
        valid[name as OptionalCategory] = value;
      }
    }
    this.store.decide(valid, 'api');
  }

  /** Grants one category on the visitor's request, e.g. from a `<cookie-consent-gate>` (`reason: 'save'`). */
  grant(category: OptionalCategory): void {
    const primary = this.primary;
    if (primary !== this) return primary.grant(category);
    if (!this.store.offered.includes(category)) {
      warn(`grant("${category}") ignored: the category is not offered.`);
      return;
    }
    this.store.decide({[category]: true}, 'save');
  }

  /** What the site declared for each category in the JSON block inside the element. */
  get declarations(): Declarations {
    if (!this.parsedDeclarations) {
      const block = this.querySelector(':scope > script[type="application/json"]');
      this.parsedDeclarations = block ? parseDeclarations(block.textContent ?? '') : emptyDeclarations();
    }
    return this.parsedDeclarations;
  }

  /**
   * Forgets the decision and shows the banner again, here and in the site's other tabs. This
   * withdraws every category: declared cookies are deleted and, with `reload-on-withdraw`, the
   * page reloads if anything had been granted. Fires `cookie-consent-reset`.
   */
  reset(): void {
    const primary = this.primary;
    if (primary !== this) return primary.reset();
    this.store.reset();
    this.postToOtherTabs();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.checkDuplicate()) return;
    this.syncStore();
    // Before any gated script can run, so Google's tags start from "denied".
    if (this.googleConsentMode) pushConsentDefault();
    this.store.addEventListener('change', this.onDecision);
    this.store.addEventListener('reset', this.onReset);
    document.addEventListener('click', this.onDocumentClick);
    this.addEventListener('focusin', this.onFocusIn);
    this.gatekeeper.start();
    this.openChannel();
    if (!this.parsedHandlerScheduled) {
      this.parsedHandlerScheduled = true;
      afterParsing(() => this.onParsed());
    } else {
      this.gatekeeper.update(this.store.consent);
    }
    this.running = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.running) {
      this.running = false;
      const next = this.ownerDocument.querySelector('cookie-consent');
      if (next instanceof CookieConsent) next.takeOver();
    }
    this.store.removeEventListener('change', this.onDecision);
    this.store.removeEventListener('reset', this.onReset);
    document.removeEventListener('click', this.onDocumentClick);
    this.removeEventListener('focusin', this.onFocusIn);
    this.gatekeeper.stop();
    this.channel?.close();
    this.channel = undefined;
    this.inset.release();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.duplicate) return;
    this.syncStore();
    if (changed.has('layout') && !LAYOUTS.includes(this.layout)) {
      warn(`layout="${this.layout}" is not one of ${LAYOUTS.join(', ')}; showing a bar.`);
    }
    if (changed.has('theme') && !THEMES.includes(this.theme)) {
      warn(`theme="${this.theme}" is not one of ${THEMES.join(', ')}; following the system.`);
    }
  }

  protected override updated(): void {
    if (!this.isConnected) return;
    const banner = this.banner;
    if (!banner) {
      this.inset.release();
      return;
    }
    // The top layer keeps the banner above anything the page stacks, whatever its z-index. It steps
    // out while the modal panel is open, which would otherwise stack under it, and comes back after.
    if (typeof banner.showPopover === 'function') {
      const shown = banner.matches(':popover-open');
      if (this.panelOpen && shown) banner.hidePopover();
      else if (!this.panelOpen && !shown) banner.showPopover();
    }
    this.inset.watch(banner);
  }

  protected override render() {
    if (this.duplicate) return nothing;
    // Until the visitor's language is loaded the banner waits, rather than flash English.
    const locale = this.locale.lang;
    return html`
      ${this.store.decision || !this.locale.ready ? nothing : this.renderBanner(locale)}
      ${this.panelOpen ? this.renderPanel(locale) : nothing}
      <div role="status" class="visually-hidden surface" tabindex="-1" lang=${locale}>${this.status}</div>
    `;
  }

  private renderBanner(locale: string) {
    const policyUrl = safeUrl(this.policyUrl, 'policy-url');
    return html`
      <section
        class="banner surface"
        part="banner"
        aria-labelledby="banner-title"
        lang=${locale}
        dir=${this.locale.dir}
        popover="manual"
      >
        <div class="content">
          <div class="text">
            <h2 id="banner-title" part="title">${msg('Cookies on this site', {desc: 'Banner: heading'})}</h2>
            <p part="message">
              ${msg(
                'This site uses cookies. Some are needed to make it work. We would like to set others only if you agree; you can change your mind at any time.',
                {desc: 'Banner: the message asking for consent'}
              )}
              ${
                policyUrl
                  ? html`<a part="policy-link" href=${policyUrl}
                      >${msg('Find out more about cookies', {desc: 'Banner: link to the cookie policy page'})}</a
                    >`
                  : nothing
              }
            </p>
          </div>
          <div class="actions">
            <div class="choice">
              <button part="button accept" class="primary" @click=${() => this.store.acceptAll()}>
                ${msg('I agree', {desc: 'Banner: button that accepts all optional cookies'})}
              </button>
              <button part="button reject" class="primary" @click=${() => this.store.rejectAll()}>
                ${msg("I don't agree", {desc: 'Banner: button that refuses all optional cookies'})}
              </button>
            </div>
            <button part="button preferences" class="secondary" @click=${() => this.showPreferences()}>
              ${msg('Choose cookies', {desc: 'Banner: button that opens the preferences panel'})}
            </button>
          </div>
        </div>
      </section>
    `;
  }

  private renderPanel(locale: string) {
    const offered = this.store.offered;
    return html`
      <dialog
        class="surface"
        part="dialog"
        aria-labelledby="panel-title"
        lang=${locale}
        dir=${this.locale.dir}
        @close=${this.onPanelClosed}
      >
        <div class="panel">
          <header>
            <h2 id="panel-title">${msg('Your cookie choices', {desc: 'Panel: heading'})}</h2>
            <button
              part="button close"
              class="close"
              aria-label=${msg('Close', {desc: 'Panel: button that closes the panel without saving'})}
              @click=${this.closePanel}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.5">
                <path d="M5 5l14 14M19 5L5 19" />
              </svg>
            </button>
          </header>
          <p>
            ${msg(
              'Strictly necessary cookies are always on, because the site cannot work without them. The others stay off unless you switch them on.',
              {desc: 'Panel: introduction above the list of categories'}
            )}
          </p>
          ${
            this.store.honoursGpc && offered.includes('targeting')
              ? html`<p class="note" part="gpc-note">
                  ${msg(
                    'Your browser asks sites not to sell or share your data (Global Privacy Control). We respect this: targeting and advertising cookies stay off unless you switch them on yourself.',
                    {desc: 'Panel: note shown when the browser sends a Global Privacy Control signal'}
                  )}
                </p>`
              : nothing
          }
          <ul>
            <li part="category">
              <div class="switch-row">
                <label for="switch-necessary">${categoryName('necessary')}</label>
                <span class="always-on">${alwaysOn()}</span>
                <input
                  id="switch-necessary"
                  part="switch"
                  type="checkbox"
                  role="switch"
                  checked
                  disabled
                  aria-describedby="description-necessary"
                />
              </div>
              <p class="description" id="description-necessary">${categoryDescription('necessary')}</p>
            </li>
            ${offered.map((category) => this.renderSwitch(category))}
          </ul>
          <div class="actions">
            <div class="choice">
              <button part="button accept-all" class="primary" @click=${() => this.decideInPanel('accept-all')}>
                ${msg('Accept all', {desc: 'Panel: button that accepts all optional cookies'})}
              </button>
              <button part="button reject-all" class="primary" @click=${() => this.decideInPanel('reject-all')}>
                ${msg('Reject all', {desc: 'Panel: button that refuses all optional cookies'})}
              </button>
            </div>
            <button part="button save" class="secondary" @click=${() => this.decideInPanel('save')}>
              ${msg('Save my choices', {desc: 'Panel: button that stores the switches as they are set'})}
            </button>
          </div>
          ${this.renderReceipt(locale)}
        </div>
      </dialog>
    `;
  }

  /** The proof of consent, shown to the visitor too: the id and date of the stored decision. */
  private renderReceipt(locale: string) {
    const decision = this.store.decision;
    if (!decision) return nothing;
    const id = decision.consentId;
    const date = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'}).format(decision.decidedAt);
    return html`<p class="receipt" part="receipt">
      ${msg(str`Your current choice was saved on ${date}. Consent ID: ${id}`, {
        desc: 'Panel: proof of consent; the first placeholder is a date and time, the second an identifier',
      })}
    </p>`;
  }

  private renderSwitch(category: OptionalCategory) {
    return html`
      <li part="category">
        <div class="switch-row">
          <label for="switch-${category}">${categoryName(category)}</label>
          <input
            id="switch-${category}"
            part="switch"
            type="checkbox"
            role="switch"
            .checked=${this.draft[category]}
            aria-describedby="description-${category}"
            @change=${(event: Event) => {
              this.draft = {...this.draft, [category]: (event.target as HTMLInputElement).checked};
            }}
          />
        </div>
        <p class="description" id="description-${category}">${categoryDescription(category)}</p>
      </li>
    `;
  }

  private decideInPanel(action: 'accept-all' | 'reject-all' | 'save'): void {
    if (action === 'accept-all') this.store.acceptAll();
    else if (action === 'reject-all') this.store.rejectAll();
    else this.store.decide(this.draft, 'save');
    this.closePanel();
  }

  /** Closes and removes the panel at once; `onPanelClosed` puts focus back when `close` arrives. */
  private readonly closePanel = (): void => {
    this.dialog?.close();
    this.panelOpen = false;
  };

  private readonly onPanelClosed = async (): Promise<void> => {
    // `close` arrives a task later: the panel may have been opened again meanwhile.
    if (this.dialog?.open) return;
    this.panelOpen = false;
    await this.updateComplete;
    this.restoreFocus(this.panelOpener);
    this.panelOpener = null;
  };

  private readonly onDecision = async (event: Event): Promise<void> => {
    const detail = (event as ConsentStoreEvent).detail;
    this.decidedSinceLoad = true;
    const focusWasInBanner = !!this.banner && this.shadowRoot?.activeElement != null && !this.panelOpen;
    this.status = statusMessage(
      detail,
      this.store.offered.every((category) => detail.consent[category])
    );
    this.dispatchEvent(new CookieConsentChangeEvent(detail));
    // A listener may have decided again (or reset): what holds now is what takes effect.
    this.apply(this.store.consent);
    if (detail.reason !== 'sync') {
      this.sendRecord(detail);
      this.postToOtherTabs();
    }
    if (this.reloadOnWithdraw && withdrew(detail)) {
      location.reload();
      return;
    }
    await this.updateComplete;
    if (focusWasInBanner) this.restoreFocus(null);
  };

  /** A forgotten decision (here, in another tab, or voided by new settings) withdraws everything. */
  private readonly onReset = (event: Event): void => {
    const {before} = (event as CustomEvent<ConsentResetDetail>).detail;
    this.status = '';
    this.requestUpdate();
    this.apply(null);
    this.dispatchEvent(new Event('cookie-consent-reset', {bubbles: true, composed: true}));
    if (this.reloadOnWithdraw && before && OPTIONAL_CATEGORIES.some((category) => before[category])) {
      location.reload();
    }
  };

  /**
   * Makes the decision (`null`: none) take effect on the page: Consent Mode, gated elements, and
   * the declared cookies of every category not granted.
   */
  private apply(consent: Consent | null): void {
    if (this.googleConsentMode) pushConsentUpdate(consent ?? NO_CONSENT);
    this.gatekeeper.update(consent);
    const refused = OPTIONAL_CATEGORIES.filter((category) => !consent?.[category]);
    forgetDeclared(
      refused.flatMap((category) => this.declarations[category]),
      this.store.cookieName
    );
  }

  /** Tells the site's other open tabs that the decision changed; they read it from the cookie. */
  private postToOtherTabs(): void {
    try {
      this.channel?.postMessage(this.store.decision?.consentId);
    } catch (error) {
      warn('could not tell other tabs about the decision.', error);
    }
  }

  private openChannel(): void {
    if (this.channel || typeof BroadcastChannel !== 'function') return;
    try {
      this.channel = new BroadcastChannel(`cookie-consent-elements:${this.store.cookieName}`);
      this.channel.onmessage = () => this.store.refresh('sync');
    } catch (error) {
      warn('other tabs will not hear of decisions made here.', error);
    }
  }

  private sendRecord(detail: ConsentChangeDetail): void {
    const endpoint = safeUrl(this.logEndpoint, 'log-endpoint');
    const decision = this.store.decision;
    if (!endpoint || !decision) return;
    sendConsentRecord(endpoint, consentRecord(detail, decision, activeLocale()));
  }

  /**
   * Once the page is parsed: a stored decision takes effect and is announced (`stored`); without
   * one, only what is gated on `necessary` runs. Skipped if the visitor decided meanwhile.
   */
  private onParsed(): void {
    if (this.decidedSinceLoad) return;
    const decision = this.store.decision;
    if (!decision) {
      this.gatekeeper.update(null);
      return;
    }
    this.apply(decision.consent);
    this.dispatchEvent(
      new CookieConsentChangeEvent({
        consent: {...decision.consent},
        changed: changedCategories(null, decision.consent),
        reason: 'stored',
        consentId: decision.consentId,
        decidedAt: decision.decidedAt,
      })
    );
  }

  /**
   * Puts focus back where the visitor was, or close by, never on `<body>` and without scrolling
   * the page away: the element focused before (if still there), else the page's "Cookie Management"
   * control when it is in view, else our status notice.
   */
  private restoreFocus(preferred: HTMLElement | null): void {
    const menu = document.querySelector<HTMLElement>('[data-cookie-preferences]');
    const candidates = [preferred, this.focusBeforeBanner, menu && isInView(menu) ? menu : null];
    for (const candidate of candidates) {
      if (candidate?.isConnected && candidate.getClientRects().length > 0) {
        candidate.focus();
        if (deepActiveElement() === candidate) return;
      }
    }
    this.statusRegion?.focus();
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && from !== this && !this.contains(from)) this.focusBeforeBanner = from;
  };

  private readonly onDocumentClick = (event: MouseEvent): void => {
    const opener = event
      .composedPath()
      .find((target) => target instanceof Element && target.hasAttribute('data-cookie-preferences'));
    if (!opener) return;
    event.preventDefault();
    void this.showPreferences();
  };

  /**
   * One `<cookie-consent>` runs the page: the first in document order. Another one shows nothing,
   * warns once, and passes its method calls to the first, so no decision is lost or doubled.
   */
  private checkDuplicate(): boolean {
    const duplicate = this.runningElsewhere() !== undefined;
    if (duplicate && !this.duplicate) {
      warn('there is more than one <cookie-consent> on the page; only the first is used. Keep one, first in <body>.');
    }
    this.duplicate = duplicate;
    return duplicate;
  }

  /** Another `<cookie-consent>` of the page that is already running it, wherever it stands. */
  private runningElsewhere(): CookieConsent | undefined {
    return [...this.ownerDocument.querySelectorAll('cookie-consent')].find(
      (element): element is CookieConsent => element instanceof CookieConsent && element !== this && element.running
    );
  }

  /** The element that runs the page: another one while this is a duplicate, else this one. */
  private get primary(): CookieConsent {
    return (this.duplicate && this.runningElsewhere()) || this;
  }

  /** A duplicate takes over when the element that ran the page is removed. */
  private takeOver(): void {
    if (!this.duplicate || !this.isConnected) return;
    this.connectedCallback();
    this.requestUpdate();
  }

  /** Brings the store in line with the attributes; does nothing (and warns of nothing) when they did not change. */
  private syncStore(): void {
    const attributes = JSON.stringify([
      this.cookieName,
      this.revision,
      this.expiresDays,
      this.cookieDomain,
      this.categories,
      this.ignoreGpc,
    ]);
    if (attributes === this.storeAttributes) return;
    this.storeAttributes = attributes;
    this.store.configure({
      cookieName: parseCookieName(this.cookieName),
      revision: parseRevision(this.revision),
      expiresDays: parseExpiresDays(this.expiresDays),
      cookieDomain: this.validCookieDomain(),
      offered: parseCategories(this.categories),
      secure: location.protocol === 'https:',
      honourGpc: gpcSignal() && !this.ignoreGpc,
    });
  }

  private validCookieDomain(): string | undefined {
    const domain = this.cookieDomain?.trim();
    if (!domain) return undefined;
    const host = location.hostname;
    const bare = domain.replace(/^\./, '').toLowerCase();
    if (host === bare || host.endsWith(`.${bare}`)) return domain;
    warn(`cookie-domain="${domain}" does not cover this page's host "${host}"; the cookie is set for the host only.`);
    return undefined;
  }
}

function gpcSignal(): boolean {
  return (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;
}

function withdrew(detail: ConsentChangeDetail): boolean {
  return detail.changed.some((category) => !detail.consent[category]);
}

function statusMessage(detail: ConsentChangeDetail, everythingGranted: boolean): string {
  switch (detail.reason) {
    case 'accept-all':
      if (!everythingGranted) break;
      return msg('Thank you. You have accepted all cookies. You can change this at any time.', {
        desc: 'Announced to screen readers after the visitor accepted all cookies',
      });
    case 'reject-all':
      return msg('You have refused optional cookies. You can change this at any time.', {
        desc: 'Announced to screen readers after the visitor refused optional cookies',
      });
  }
  return msg('Your cookie choices have been saved.', {
    desc: 'Announced to screen readers after the visitor saved a choice',
  });
}

function isInView(element: Element): boolean {
  const {top, bottom} = element.getBoundingClientRect();
  return bottom > 0 && top < window.innerHeight;
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * Runs after the document is parsed and deferred scripts have run, so listeners added by
 * module scripts that come after ours still hear the `stored` event.
 */
function afterParsing(callback: () => void): void {
  const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (document.readyState === 'loading' || navigation?.domContentLoadedEventStart === 0) {
    document.addEventListener('DOMContentLoaded', callback, {once: true});
  } else {
    callback();
  }
}

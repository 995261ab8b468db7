/**
 * `<cookie-consent-banner>`: the first layer, shown inside `<cookie-consent>` until the visitor
 * decides, and the status notice that announces each decision. The lazy UI chunk: with it come
 * Lit and the locale controller.
 */
import {html, LitElement, nothing, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {deepActiveElement} from '../core/ui-loader.js';
import {safeUrl} from '../core/options.js';
import {defineElement} from '../core/registry.js';
import {OPTIONAL_CATEGORIES, type ConsentChangeDetail} from '../core/store.js';
import {LocaleController, msg} from '../i18n/localization.js';
import {text} from '../i18n/site-texts.js';
import {bannerStyles} from './banner.styles.js';
import {ConsentController} from './consent-controller.js';
import {purpose, statusMessage} from './banner-texts.js';
import {PageInset} from './page-inset.js';
import {preloadPanel} from './panel-loader.js';
import {controls, layout, theme} from './theme.styles.js';

/** The parts `<cookie-consent>` exposes of the banner. */
const PARTS = 'banner, title, message, policy-link, purposes, exempt, exempt-note, button, accept, reject, preferences';

export class CookieConsentBanner extends LitElement {
  static override styles = [theme, controls, layout, bannerStyles];

  /** The "find out more" link; only `http:`, `https:` and relative URLs are used. */
  @property({attribute: false}) policyUrl?: string;
  /** `bar` or `box`, as `<cookie-consent>`'s attribute. */
  @property({reflect: true}) layout = 'bar';
  /** `auto`, `light` or `dark`, as `<cookie-consent>`'s attribute. */
  @property({reflect: true}) theme = 'auto';
  /** While the modal panel is open, the banner steps out of the top layer, which would put it above the panel. */
  @property({attribute: false}) panelOpen = false;

  /** What the status notice says: the last decision made on this page. */
  @state() private status = '';
  /** The slots of `<cookie-consent>` given the site's own markup, shown instead of our texts. */
  @state() private slotted = new Set<string>();
  /** The policy link once checked: a bad one is reported when set, not on every render. */
  @state() private safePolicyUrl?: string;

  @query('.banner') private section?: HTMLElement;
  @query('[role=status]') private statusRegion?: HTMLElement;

  private readonly consent = new ConsentController(this, (detail) => this.announce(detail));
  private readonly locale = new LocaleController(this);
  private readonly inset = new PageInset();
  /** Where focus was before it entered the banner, to put it back after a decision. */
  private focusBeforeBanner: HTMLElement | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusin', this.onFocusIn);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('focusin', this.onFocusIn);
    this.inset.release();
  }

  /**
   * Puts focus back where the visitor was, or close by, never on `<body>` and without scrolling
   * the page away: `preferred` (what opened the panel), else the element focused before the banner
   * and then the page's "Cookie Management" control when in view, else the status notice.
   */
  restoreFocus(preferred: HTMLElement | null): void {
    const menu = document.querySelector<HTMLElement>('[data-cookie-preferences]');
    const candidates = [preferred, ...[this.focusBeforeBanner, menu].filter((near) => near && isInView(near))];
    for (const candidate of candidates) {
      if (candidate?.isConnected && candidate.getClientRects().length > 0) {
        candidate.focus();
        if (deepActiveElement() === candidate) return;
      }
    }
    this.statusRegion?.focus();
  }

  /** Also waits for the site's configuration, when the page has one: its texts are then shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.locale.configured;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('policyUrl')) this.safePolicyUrl = safeUrl(this.policyUrl, 'policy-url');
  }

  protected override render() {
    const {lang, dir} = this.locale;
    // Until the visitor's language is loaded the banner waits, rather than flash English.
    const shown = !this.consent.store.decision && this.locale.ready;
    // The status notice is there from the first render, so screen readers hear the first message too.
    return html`
      ${shown ? this.renderBanner() : nothing}
      <div role="status" class="visually-hidden surface" tabindex="-1" lang=${lang} dir=${dir}>${this.status}</div>
    `;
  }

  protected override updated(): void {
    const section = this.section;
    if (!section) {
      this.inset.release();
      return;
    }
    // The top layer keeps the banner above anything the page stacks, whatever its z-index.
    // A banner taken out of the page (its <cookie-consent> removed) cannot enter the top layer.
    if (typeof section.showPopover === 'function' && section.isConnected) {
      const shown = section.matches(':popover-open');
      if (this.panelOpen && shown) section.hidePopover();
      else if (!this.panelOpen && !shown) section.showPopover();
    }
    this.inset.watch(section);
  }

  private renderBanner() {
    const store = this.consent.store;
    return html`
      <section
        class="banner surface"
        part="banner"
        aria-labelledby="banner-title"
        popover="manual"
        lang=${this.locale.lang}
        dir=${this.locale.dir}
      >
        <div class="content">
          <div class="text">
            <h2 id="banner-title" part="title">
              <slot name="title" @slotchange=${this.onSlotChange}></slot>
              ${this.slotted.has('title') ? nothing : text('title', msg('Cookies on this site', {desc: 'Banner: heading'}))}
            </h2>
            <p part="message">
              <slot name="message" @slotchange=${this.onSlotChange}></slot>
              ${
                this.slotted.has('message')
                  ? nothing
                  : text(
                      'message',
                      msg(
                        'This site uses cookies. Some are needed to make it work. We would like to set others only if you agree; you can change your mind at any time.',
                        {desc: 'Banner: the message asking for consent'}
                      )
                    )
              }
              ${
                this.safePolicyUrl
                  ? html`<a part="policy-link" href=${this.safePolicyUrl}
                      >${text('policyLink', msg('Find out more about cookies', {desc: 'Banner: link to the cookie policy page'}))}</a
                    >`
                  : nothing
              }
            </p>
            ${this.renderPurposes()}
          </div>
          <div class="actions">
            <div class="choice">
              <button part="button accept" class="primary" @click=${() => this.decide(() => store.acceptAll())}>
                ${text('accept', msg('I agree', {desc: 'Banner: button that accepts all optional cookies'}))}
              </button>
              <button part="button reject" class="primary" @click=${() => this.decide(() => store.rejectAll())}>
                ${text('reject', msg("I don't agree", {desc: 'Banner: button that refuses all optional cookies'}))}
              </button>
            </div>
            <button
              part="button preferences"
              class="secondary"
              @click=${this.openPanel}
              @pointerenter=${preloadPanel}
              @focus=${preloadPanel}
            >
              ${text('preferences', msg('Choose cookies', {desc: 'Banner: button that opens the preferences panel'}))}
            </button>
          </div>
        </div>
      </section>
    `;
  }

  /**
   * What the optional cookies would be used for, one item per category offered: the first layer
   * names every purpose "I agree" grants. Whole phrases under one sentence, never glued fragments,
   * so that each language gets its grammar right.
   */
  private renderPurposes() {
    const {offered, exempted} = this.consent.store;
    const asked = OPTIONAL_CATEGORIES.filter((category) => offered.includes(category) && !exempted.includes(category));
    return html`
      ${
        asked.length === 0
          ? nothing
          : html`
              <p id="banner-purposes">
                ${text(
                  'purposes',
                  msg('If you agree, we will also use cookies for:', {
                    desc: 'Banner: introduces the list of what optional cookies are used for; one list item per purpose follows',
                  })
                )}
              </p>
              <ul part="purposes" aria-labelledby="banner-purposes">
                ${asked.map((category) => html`<li>${purpose(category)}</li>`)}
              </ul>
            `
      }
      ${
        exempted.length === 0
          ? nothing
          : html`
              <p id="banner-exempt">
                ${text(
                  'exempt',
                  msg('Unless you object, we already use cookies for:', {
                    desc: 'Banner (UK sites only): introduces the list of purposes used without consent, as UK law allows; one list item per purpose follows',
                  })
                )}
              </p>
              <ul part="purposes exempt" aria-labelledby="banner-exempt">
                ${exempted.map((category) => html`<li>${purpose(category)}</li>`)}
              </ul>
              <p part="exempt-note">
                ${text(
                  'exemptNote',
                  msg('The law allows this without your consent, but you can object: refusing turns these off too.', {
                    desc: 'Banner (UK sites only): after the list of purposes used without consent; refusing means the "I don\'t agree" button',
                  })
                )}
              </p>
            `
      }
    `;
  }

  private decide(decide: () => void): void {
    // The texts shown, the site's slotted ones included, for the decision record.
    const slotted = [...(this.section?.querySelectorAll('slot') ?? [])].flatMap((slot) =>
      slot.assignedNodes({flatten: true}).map((node) => node.textContent)
    );
    this.consent.by('banner', [this.section?.textContent, ...slotted].join(' '), decide);
  }

  /** The site put its own title or message in `<cookie-consent>`, or took it away. */
  private readonly onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    const given = slot.assignedNodes({flatten: true}).some((node) => node.nodeType === 1 || node.textContent?.trim());
    if (given === this.slotted.has(slot.name)) return;
    const slotted = new Set(this.slotted);
    if (given) slotted.add(slot.name);
    else slotted.delete(slot.name);
    this.slotted = slotted;
  };

  private readonly openPanel = (): void => {
    void this.consent.session.host?.showPreferences();
  };

  private async announce(detail: ConsentChangeDetail): Promise<void> {
    const focusWasInBanner = !!this.section && this.shadowRoot?.activeElement != null && !this.panelOpen;
    const everything = this.consent.store.offered.every((category) => detail.consent[category]);
    const status = statusMessage(detail, everything);
    // The same words again would change nothing in the live region, and screen readers would stay
    // silent: a no-break space makes the text new.
    this.status = status === this.status ? `${status}\u00a0` : status;
    await this.updateComplete;
    if (focusWasInBanner) this.restoreFocus(null);
  }

  private readonly onFocusIn = (event: FocusEvent): void => {
    const from = event.relatedTarget;
    const host = this.consent.session.host;
    if (from instanceof HTMLElement && from !== host && !host?.contains(from)) this.focusBeforeBanner = from;
  };
}

function isInView(element: Element): boolean {
  const {top, bottom} = element.getBoundingClientRect();
  return bottom > 0 && top < window.innerHeight;
}

/** Puts the banner into `<cookie-consent>`'s shadow root, its parts exposed as the host's. */
export function mountBanner(root: ShadowRoot): CookieConsentBanner {
  defineElement('cookie-consent-banner', CookieConsentBanner);
  const banner = document.createElement('cookie-consent-banner') as CookieConsentBanner;
  banner.setAttribute('exportparts', PARTS);
  // The site's own title and message, children of <cookie-consent>, go on to the banner's slots.
  for (const name of ['title', 'message']) {
    const slot = document.createElement('slot');
    slot.name = slot.slot = name;
    banner.append(slot);
  }
  root.append(banner);
  return banner;
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent-banner': CookieConsentBanner;
  }
}

/**
 * `<cookie-consent>`: the banner and the preferences panel, over the store (`store.ts`) and the
 * gating (`gating.ts`). It is a plain custom element, not a LitElement, so that what every page
 * view loads stays small and quick: the banner is a few DOM nodes built here, and the panel, the
 * one part with much to render, is a lazy lit-html chunk (`panel.ts`) fetched when first opened.
 * What only some pages need is lazy too (`lazyChunk` below): Consent Mode, withdrawal and the
 * decision log are fetched at connection by the pages that use them, so that they are at hand
 * when the visitor decides.
 */
import type {ReactiveController} from 'lit';
import {styles} from './ui/banner.styles.js';
import {adoptSheets, controls, theme} from './ui/theme.styles.js';
import {documentCookieJar} from './core/cookie-jar.js';
import {
  JSON_BLOCK,
  parseCategories,
  parseCookieName,
  parseExpiresDays,
  parseRevision,
  safeUrl,
} from './core/options.js';
import {h} from './ui/dom.js';
import {attributeNames, reflect, upgradeProperties, type Attributes} from './elements/element.js';
import {CookieConsentChangeEvent} from './core/events.js';
import {activeLocale, LOCALE_STATUS_EVENT, LocaleController, msg} from './i18n/localization.js';
import {warn} from './core/log.js';
import {PageInset} from './ui/page-inset.js';
import {Gatekeeper} from './core/gating.js';
import type {PanelView} from './ui/panel.js';
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
} from './core/store.js';

const LAYOUTS = ['bar', 'box'];
const THEMES = ['auto', 'light', 'dark'];

/**
 * The reflected properties: attribute, and default (`false` for a boolean attribute, whose
 * presence is the value; a number is read as a number).
 */
const ATTRIBUTES = {
  policyUrl: ['policy-url', undefined],
  revision: ['revision', '1'],
  expiresDays: ['expires-days', 182],
  cookieName: ['cookie-name', 'cookie_consent'],
  cookieDomain: ['cookie-domain', undefined],
  categories: ['categories', 'performance functionality targeting'],
  uiLang: ['lang', undefined],
  googleConsentMode: ['google-consent-mode', false],
  ignoreGpc: ['ignore-gpc', false],
  reloadOnWithdraw: ['reload-on-withdraw', false],
  logEndpoint: ['log-endpoint', undefined],
  layout: ['layout', 'bar'],
  theme: ['theme', 'auto'],
} as const satisfies Attributes;

interface Banner {
  /** The language and policy link the texts were set for. */
  key: string;
  section: HTMLElement;
  title: HTMLElement;
  message: HTMLElement;
  accept: HTMLButtonElement;
  reject: HTMLButtonElement;
  preferences: HTMLButtonElement;
}

/** A lazy chunk: fetched once (again after a failure), and at hand synchronously once loaded. */
function lazyChunk<M>(load: () => Promise<M>) {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get: () => module,
    load: (): Promise<M> =>
      (loading ??= load().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        }
      )),
  };
}

/** The panel, fetched when first opened. */
const panelChunk = lazyChunk(() => import('./ui/panel.js'));
/** Starts fetching the panel ahead of need; a failure is reported when it is opened. */
const preloadPanel = () => void panelChunk.load().catch(() => undefined);
/** Deleting what refused categories left, for pages that declare it. */
const withdrawalChunk = lazyChunk(() => import('./core/withdrawal.js'));
/** Google Consent Mode, for pages that ask for it. */
const consentModeChunk = lazyChunk(() => import('./core/consent-mode.js'));
/** Sending decisions to `log-endpoint`, for pages that set one. */
const consentLogChunk = lazyChunk(() => import('./core/consent-log.js'));

/**
 * The consent banner and preferences panel. Place it once, first in `<body>`.
 *
 * @tagname cookie-consent
 * @summary Asks for cookie consent, stores the decision and tells the page about it.
 *
 * @fires {CookieConsentChangeEvent} cookie-consent-change - On load when a valid decision is stored (`reason: 'stored'`), and on every decision.
 * @fires {Event} cookie-consent-reset - When the decision is forgotten (`reset()`, here or in another tab); `consent` is then `null`.
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
 * @cssprop [--cookie-consent-radius=0.5em] - Corner radius.
 * @cssprop [--cookie-consent-max-width=72em] - Width of the bar's content.
 * @cssprop [--cookie-consent-duration=200ms] - Length of the entry animations (0 when reduced motion is asked for).
 * @cssprop [--cookie-consent-z-index=2147483000] - Stacking order of the banner where the browser has no top layer (no popover), and of the status notice when it has focus.
 */
export class CookieConsent extends HTMLElement {
  static readonly observedAttributes = attributeNames(ATTRIBUTES);

  // Each property reflects its attribute, as a built-in element's does: the attribute holds the value.
  // The accessors are defined from ATTRIBUTES, below the class.

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
   * Let "accept all" grant `targeting` despite a Global Privacy Control signal.
   * @attr ignore-gpc
   * @default false
   */
  declare ignoreGpc: boolean;

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

  private readonly store = new ConsentStore(documentCookieJar);
  private storeAttributes = '';
  private duplicate = false;
  /** Set while this element runs the page (connected, and not a duplicate). */
  private running = false;
  private parsedHandlerScheduled = false;
  private decidedSinceLoad = false;
  private readonly inset = new PageInset();
  private readonly controllers: ReactiveController[] = [];
  private readonly locale = new LocaleController(this);
  private readonly gatekeeper = new Gatekeeper(document);
  private channel?: BroadcastChannel;
  /** Where focus was before it entered the banner, to put it back after a decision. */
  private focusBeforeBanner: HTMLElement | null = null;
  /** What opened the panel, to put focus back when it closes. */
  private panelOpener: HTMLElement | null = null;

  private panelOpen = false;
  private draft: Consent = {...NO_CONSENT};
  private status = '';
  /** The update that is scheduled or running; `updateComplete` waits for it. */
  private updating: Promise<void> = Promise.resolve();
  private updateScheduled = false;
  /** The chunks this page's decisions will need, fetched at connection (see `prefetch`). */
  private prefetching: Promise<unknown> = Promise.resolve();
  private readonly root = this.attachShadow({mode: 'open'});
  private banner?: Banner;
  private statusRegion?: HTMLElement;
  private panelRoot?: HTMLElement;

  /** The current decision, or `null` while the visitor has not decided. */
  get consent(): Consent | null {
    const primary = this.primary;
    if (primary !== this) return primary.consent;
    this.syncStore();
    return this.store.consent;
  }

  /**
   * Resolves once the element has rendered what its state asks for, and has the parts of the
   * library this page's decisions need (withdrawal, Consent Mode, the decision log) at hand.
   */
  get updateComplete(): Promise<boolean> {
    return (async () => {
      let done: Promise<unknown> | undefined;
      while (done !== this.updating) {
        done = this.updating;
        await Promise.all([done, this.prefetching]);
      }
      return true;
    })();
  }

  /** Opens the preferences panel; focus returns to the element focused before, when it closes. */
  async showPreferences(): Promise<void> {
    const primary = this.primary;
    if (primary !== this) return primary.showPreferences();
    if (this.dialog?.open) return;
    this.panelOpener = deepActiveElement();
    // In the visitor's language from the start (a returning visitor's is loaded only now).
    preloadPanel();
    await this.locale.load();
    this.draft = {...(this.store.consent ?? NO_CONSENT)};
    this.panelOpen = true;
    this.requestUpdate();
    await this.updateComplete;
    if (this.panelOpen && this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  /** Grants every offered category (but `targeting` while a Global Privacy Control signal is honoured). */
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

  connectedCallback(): void {
    upgradeProperties(this, ATTRIBUTES);
    for (const controller of this.controllers) controller.hostConnected?.();
    this.requestUpdate();
    if (this.checkDuplicate()) return;
    const read = this.syncStore();
    this.store.addEventListener('change', this.onDecision);
    this.store.addEventListener('reset', this.onReset);
    document.addEventListener('click', this.onDocumentClick);
    window.addEventListener(LOCALE_STATUS_EVENT, this.onLocaleStatus);
    this.addEventListener('focusin', this.onFocusIn);
    this.gatekeeper.start();
    if (this.googleConsentMode) {
      // Gated scripts wait for the default, so Google's tags start from "denied". Without it they
      // would assume consent, so if this part of the library cannot be loaded they stay blocked.
      const pushed = consentModeChunk
        .load()
        .catch(() => consentModeChunk.load())
        .then(({pushConsentDefault}) => pushConsentDefault());
      pushed.catch((error: unknown) =>
        warn('could not load Google Consent Mode; scripts gated on consent stay blocked on this page.', error)
      );
      this.gatekeeper.hold(pushed);
      this.prefetch({load: () => pushed});
    }
    if (this.querySelector(JSON_BLOCK)) this.prefetch(withdrawalChunk);
    if (this.logEndpoint) this.prefetch(consentLogChunk);
    // Back in the page (or taking over from a removed element): the decision may have changed in
    // another tab meanwhile, with no channel open here to hear of it.
    if (!read) this.store.refresh('sync');
    if (!this.parsedHandlerScheduled) {
      this.parsedHandlerScheduled = true;
      afterParsing(() => this.onParsed());
    } else {
      this.gatekeeper.update(this.store.consent);
    }
    this.running = true;
    // Decisions made in other tabs are heard from now on, right after the cookie was read.
    this.openChannel();
  }

  disconnectedCallback(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
    if (this.running) {
      this.running = false;
      const next = this.ownerDocument.querySelector('cookie-consent');
      if (next instanceof CookieConsent) next.takeOver();
    }
    this.store.removeEventListener('change', this.onDecision);
    this.store.removeEventListener('reset', this.onReset);
    document.removeEventListener('click', this.onDocumentClick);
    window.removeEventListener(LOCALE_STATUS_EVENT, this.onLocaleStatus);
    this.removeEventListener('focusin', this.onFocusIn);
    this.gatekeeper.stop();
    this.channel?.close();
    this.channel = undefined;
    this.inset.release();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'layout' && value !== null && !LAYOUTS.includes(value)) {
      warn(`layout="${value}" is not one of ${LAYOUTS.join(', ')}; showing a bar.`);
    }
    if (name === 'theme' && value !== null && !THEMES.includes(value)) {
      warn(`theme="${value}" is not one of ${THEMES.join(', ')}; following the system.`);
    }
    this.requestUpdate();
  }

  /**
   * For the locale controller (a Lit reactive controller): this element hosts controllers as a LitElement does.
   * @internal
   */
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }

  /** @internal */
  removeController(controller: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(controller) >>> 0, 1);
  }

  /**
   * Schedules one update in a microtask, however many changes come before it.
   * @internal
   */
  requestUpdate(): void {
    if (this.updateScheduled) return;
    this.updateScheduled = true;
    const previous = this.updating;
    this.updating = previous.then(() => {
      this.updateScheduled = false;
      return this.update();
    });
  }

  private async update(): Promise<void> {
    try {
      if (!this.duplicate) this.syncStore();
      // A returning visitor sees nothing until the panel is opened: until then, no language to load.
      const shown = !this.store.decision || this.panelOpen || this.status || this.panelRoot;
      if (shown && !this.duplicate) {
        for (const controller of this.controllers) controller.hostUpdate?.();
      }
      await this.render();
    } catch (error) {
      warn('could not show the banner or panel.', error);
    }
  }

  /**
   * Shows what the state asks for: the banner until the visitor decides (once the visitor's
   * language is loaded, rather than flash English), the panel while it is open, and the status
   * notice that screen readers announce after a decision. A returning visitor gets only that
   * notice, empty, and no stylesheet.
   */
  private async render(): Promise<void> {
    if (this.duplicate || !this.isConnected) {
      if (this.duplicate) this.clear();
      return;
    }
    const panel = this.panelOpen || this.panelRoot ? await panelChunk.load().catch(this.panelFailed) : undefined;
    const showBanner = !this.store.decision && this.locale.ready;
    if (showBanner || this.panelOpen || this.status) this.adoptStyles(this.panelOpen ? panel?.panelStyles : undefined);
    const locale = this.locale.lang;
    const dir = this.locale.dir;

    if (panel) {
      this.panelRoot ??= this.root.insertBefore(h('div', {class: 'panel-root'}), this.root.firstChild);
      panel.renderPanel(this.panelRoot, this.panelOpen ? this.panelView(locale, dir) : undefined);
    }

    if (showBanner) this.showBanner(locale, dir);
    else if (this.banner) {
      this.banner.section.remove();
      this.banner = undefined;
    }

    // There from the first render, before anything is announced in it, so screen readers hear
    // the first message too.
    this.statusRegion ??= this.root.appendChild(
      h('div', {role: 'status', class: 'visually-hidden surface', tabindex: '-1'})
    );
    this.statusRegion.lang = locale;
    this.statusRegion.dir = dir;
    if (this.statusRegion.textContent !== this.status) this.statusRegion.textContent = this.status;

    const section = this.banner?.section;
    if (!section) {
      this.inset.release();
      return;
    }
    this.syncTopLayer(section);
    this.inset.watch(section);
  }

  /**
   * The top layer keeps the banner above anything the page stacks, whatever its z-index. It steps
   * out while the modal panel is open, which would otherwise stack under it, and comes back after.
   */
  private syncTopLayer(section: HTMLElement): void {
    if (typeof section.showPopover !== 'function') return;
    const shown = section.matches(':popover-open');
    if (this.panelOpen && shown) section.hidePopover();
    else if (!this.panelOpen && !shown) section.showPopover();
  }

  /** Builds the banner once, and sets its texts again when the language or the policy link changes. */
  private showBanner(locale: string, dir: string): void {
    const key = `${locale} ${this.policyUrl}`;
    if (this.banner?.key === key) return;
    // Checked here, not on every render, so a bad link is reported once.
    const policyUrl = safeUrl(this.policyUrl, 'policy-url');
    const banner = (this.banner ??= this.buildBanner());
    banner.key = key;
    banner.section.lang = locale;
    banner.section.dir = dir;
    banner.title.textContent = msg('Cookies on this site', {desc: 'Banner: heading'});
    const message = msg(
      'This site uses cookies. Some are needed to make it work. We would like to set others only if you agree; you can change your mind at any time.',
      {desc: 'Banner: the message asking for consent'}
    );
    banner.message.replaceChildren(message);
    if (policyUrl) {
      const link = h('a', {part: 'policy-link', href: policyUrl});
      link.textContent = msg('Find out more about cookies', {desc: 'Banner: link to the cookie policy page'});
      banner.message.append(' ', link);
    }
    banner.accept.textContent = msg('I agree', {desc: 'Banner: button that accepts all optional cookies'});
    banner.reject.textContent = msg("I don't agree", {desc: 'Banner: button that refuses all optional cookies'});
    banner.preferences.textContent = msg('Choose cookies', {desc: 'Banner: button that opens the preferences panel'});
    if (!banner.section.isConnected) this.root.insertBefore(banner.section, this.statusRegion ?? null);
  }

  private buildBanner(): Banner {
    const button = (part: string, className: string, onClick: () => void) => {
      const element = h('button', {part: `button ${part}`, class: className});
      element.addEventListener('click', onClick);
      return element;
    };
    const title = h('h2', {id: 'banner-title', part: 'title'});
    const message = h('p', {part: 'message'});
    const accept = button('accept', 'primary', () => this.store.acceptAll());
    const reject = button('reject', 'primary', () => this.store.rejectAll());
    const preferences = button('preferences', 'secondary', () => void this.showPreferences());
    // Fetch the panel as soon as the visitor heads for its button, so it opens without a wait.
    preferences.addEventListener('pointerenter', preloadPanel);
    preferences.addEventListener('focus', preloadPanel);
    const section = h(
      'section',
      {class: 'banner surface', part: 'banner', 'aria-labelledby': 'banner-title', popover: 'manual'},
      h(
        'div',
        {class: 'content'},
        h('div', {class: 'text'}, title, message),
        h('div', {class: 'actions'}, h('div', {class: 'choice'}, accept, reject), preferences)
      )
    );
    return {key: '', section, title, message, accept, reject, preferences};
  }

  private panelView(locale: string, dir: 'ltr' | 'rtl'): PanelView {
    return {
      locale,
      dir,
      offered: this.store.offered,
      gpc: this.store.honoursGpc,
      draft: this.draft,
      decision: this.store.decision,
      onSwitch: (category, on) => {
        this.draft = {...this.draft, [category]: on};
        this.requestUpdate();
      },
      onDecide: (action) => {
        // Under Global Privacy Control, targeting follows its switch in the panel.
        if (action === 'accept-all') this.store.acceptAll('accept-all', this.draft.targeting);
        else if (action === 'reject-all') this.store.rejectAll();
        else this.store.decide(this.draft, 'save');
        this.closePanel();
      },
      onCloseClick: this.closePanel,
      onClosed: this.onPanelClosed,
    };
  }

  private stylesAdopted = 0;

  /** The shared sheets on first need (a returning visitor parses no CSS), the panel's with the panel. */
  private adoptStyles(panelStyles?: string): void {
    const wanted = panelStyles ? 2 : 1;
    if (this.stylesAdopted >= wanted) return;
    const texts = [theme, controls, styles];
    if (panelStyles) texts.push(panelStyles);
    adoptSheets(this.root, texts, this.stylesAdopted && texts.length - 1);
    this.stylesAdopted = wanted;
  }

  /** A duplicate shows nothing. */
  private clear(): void {
    this.root.replaceChildren();
    this.banner = this.statusRegion = this.panelRoot = undefined;
    this.inset.release();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.root.querySelector('dialog');
  }

  /** Closes and removes the panel at once; `onPanelClosed` puts focus back when `close` arrives. */
  private readonly closePanel = (): void => {
    this.dialog?.close();
    this.panelOpen = false;
    this.requestUpdate();
  };

  /** Without its chunk (offline, blocked) the panel stays closed; the banner still works. */
  private readonly panelFailed = (error: unknown): undefined => {
    warn('could not load the preferences panel.', error);
    this.panelOpen = false;
    return undefined;
  };

  private readonly onPanelClosed = async (): Promise<void> => {
    // `close` arrives a task later: the panel may have been opened again meanwhile.
    if (this.dialog?.open) return;
    this.panelOpen = false;
    this.requestUpdate();
    await this.updateComplete;
    this.restoreFocus(this.panelOpener);
    this.panelOpener = null;
  };

  private readonly onDecision = async (event: Event): Promise<void> => {
    const detail = (event as ConsentStoreEvent).detail;
    this.decidedSinceLoad = true;
    const focusWasInBanner = !!this.banner && this.root.activeElement != null && !this.panelOpen;
    const status = statusMessage(
      detail,
      this.store.offered.every((category) => detail.consent[category])
    );
    // The same words again would change nothing in the live region, and screen readers would stay
    // silent: a no-break space makes the text new.
    this.status = status === this.status ? `${status}\u00a0` : status;
    this.requestUpdate();
    this.dispatchEvent(new CookieConsentChangeEvent(detail));
    // A listener may have decided again (or reset): what holds now is what takes effect.
    const effects = [this.apply(this.store.consent)];
    if (detail.reason !== 'sync') {
      effects.push(this.sendRecord(detail));
      this.postToOtherTabs();
    }
    if (this.reloadOnWithdraw && withdrew(detail)) {
      await reloadAfter(effects);
      return;
    }
    await this.updateComplete;
    if (focusWasInBanner) this.restoreFocus(null);
  };

  /** A forgotten decision (here, in another tab, or voided by new settings) withdraws everything. */
  private readonly onReset = async (event: Event): Promise<void> => {
    const {before} = (event as CustomEvent<ConsentResetDetail>).detail;
    this.status = '';
    this.requestUpdate();
    const withdrawn = this.apply(null);
    this.dispatchEvent(new Event('cookie-consent-reset', {bubbles: true, composed: true}));
    if (this.reloadOnWithdraw && before && OPTIONAL_CATEGORIES.some((category) => before[category])) {
      await reloadAfter([withdrawn]);
    }
  };

  /**
   * Makes the decision (`null`: none) take effect on the page: Consent Mode, gated elements, and
   * the declared cookies of every category not granted.
   */
  private apply(consent: Consent | null): Promise<void> {
    if (this.googleConsentMode) {
      void withChunk(
        consentModeChunk,
        'could not update Google Consent Mode.',
        ({pushConsentDefault, pushConsentUpdate}) => {
          pushConsentDefault();
          pushConsentUpdate(consent ?? NO_CONSENT);
        }
      );
    }
    this.gatekeeper.update(consent);
    const refused = OPTIONAL_CATEGORIES.filter((category) => !consent?.[category]);
    if (refused.length === 0 || !this.querySelector(JSON_BLOCK)) return Promise.resolve();
    return withChunk(withdrawalChunk, 'could not delete the cookies of refused categories.', ({withdraw}) =>
      withdraw(this, refused, this.store.cookieName)
    );
  }

  /**
   * Fetches a chunk this page's decisions will need now, so that it is at hand when the visitor
   * decides and withdrawal or logging happen at once; `updateComplete` waits for it.
   */
  private prefetch(chunk: {load(): Promise<unknown>}): void {
    this.prefetching = Promise.all([this.prefetching, chunk.load().catch(() => undefined)]);
  }

  /** Tells the site's other open tabs that the decision changed; they read it from the cookie. */
  private postToOtherTabs(): void {
    this.openChannel();
    try {
      this.channel?.postMessage(this.store.decision?.consentId);
    } catch (error) {
      warn('could not tell other tabs about the decision.', error);
    }
  }

  private openChannel(): void {
    if (!this.running || this.channel || typeof BroadcastChannel !== 'function') return;
    try {
      this.channel = new BroadcastChannel(channelName(this.store.cookieName));
      // Read again a moment later too: a tab's copy of the cookies may lag behind the message.
      this.channel.onmessage = () => {
        this.store.refresh('sync');
        setTimeout(() => this.running && this.store.refresh('sync'), 200);
      };
    } catch (error) {
      warn('other tabs will not hear of decisions made here.', error);
    }
  }

  private sendRecord(detail: ConsentChangeDetail): Promise<void> {
    const endpoint = safeUrl(this.logEndpoint, 'log-endpoint');
    const decision = this.store.decision;
    if (!endpoint || !decision) return Promise.resolve();
    return withChunk(
      consentLogChunk,
      'could not send the decision to log-endpoint.',
      ({consentRecord, sendConsentRecord}) =>
        sendConsentRecord(endpoint, consentRecord(detail, decision, activeLocale()))
    );
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
   * the page away: the element that opened the panel, else the one focused before the banner and
   * then the page's "Cookie Management" control when in view, else our status notice.
   */
  private restoreFocus(preferred: HTMLElement | null): void {
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

  /** A locale loaded elsewhere (an app's own lit-localize set-up): show its texts. */
  private readonly onLocaleStatus = (event: Event): void => {
    if ((event as CustomEvent<{status: string}>).detail.status !== 'ready') return;
    if (this.banner) this.banner.key = '';
    this.requestUpdate();
  };

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
  }

  /**
   * Brings the store in line with the attributes, reading the cookie under them; does nothing (and
   * warns of nothing) when they did not change. Returns whether it read the cookie.
   */
  private syncStore(): boolean {
    const attributes = JSON.stringify([
      this.cookieName,
      this.revision,
      this.expiresDays,
      this.cookieDomain,
      this.categories,
      this.ignoreGpc,
    ]);
    if (attributes === this.storeAttributes) return false;
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
    // Other tabs of the site are heard on the channel of its cookie's name.
    if (this.channel && this.channel.name !== channelName(this.store.cookieName)) {
      this.channel.close();
      this.channel = undefined;
      this.openChannel();
    }
    return true;
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

reflect(CookieConsent, ATTRIBUTES);

/** The channel of the site's tabs that share a cookie. */
function channelName(cookieName: string): string {
  return `cookie-consent-elements:${cookieName}`;
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

/** Uses a lazy chunk: at once when it is loaded (the usual case, see `prefetch`), else once it is. */
function withChunk<M>(
  chunk: {get(): M | undefined; load(): Promise<M>},
  failure: string,
  use: (module: M) => void
): Promise<void> {
  const module = chunk.get();
  if (module) {
    use(module);
    return Promise.resolve();
  }
  return chunk.load().then(use, (error: unknown) => warn(failure, error));
}

/** Reloads the page once withdrawal and the decision record are done (or after a second at most). */
async function reloadAfter(effects: Promise<void>[]): Promise<void> {
  await Promise.race([Promise.all(effects), new Promise((resolve) => setTimeout(resolve, 1000))]);
  location.reload();
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

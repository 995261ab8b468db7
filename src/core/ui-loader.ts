/**
 * Loads the Lit UI into `<cookie-consent>`'s shadow root when something must be shown: the
 * banner while there is no decision, the panel when it is asked for. A returning visitor who
 * opens nothing loads neither. Controls marked `data-cookie-preferences` open the panel; pointing
 * at one or focusing it starts the fetch early.
 */
import type {CookieConsentBanner} from '../ui/banner.js';
import type {CookieConsentPanel} from '../ui/panel.js';
import {lazyChunk} from './lazy.js';
import {warn} from './log.js';
import {session} from './session.js';

const bannerChunk = lazyChunk(() => import('../ui/banner.js'));
const panelChunk = lazyChunk(() => import('../ui/panel.js'));

/** Starts fetching the panel (and the banner it needs) ahead of need; a failure is reported when it is opened. */
export function preloadPanel(): void {
  void bannerChunk.load().catch(() => undefined);
  void panelChunk.load().catch(() => undefined);
}

/** What the UI shows of `<cookie-consent>`'s attributes. */
export interface UiHost extends HTMLElement {
  policyUrl?: string;
  layout: string;
  theme: string;
}

const OPENER = '[data-cookie-preferences]';

export class Ui {
  #banner?: CookieConsentBanner;
  #panel?: CookieConsentPanel;
  #mounting?: Promise<CookieConsentBanner | undefined>;
  /** The panel being loaded and opened. */
  #opening?: Promise<void>;
  #running = false;
  /** The last load failure reported, so it is reported once. */
  #failure?: unknown;

  readonly #host: UiHost;
  readonly #root: ShadowRoot;

  constructor(host: UiHost, root: ShadowRoot) {
    this.#host = host;
    this.#root = root;
  }

  /** Resolves once the banner and the panel have rendered what the state asks for. */
  get updateComplete(): Promise<unknown> {
    return (async () => {
      let mounting, opening;
      do {
        [mounting, opening] = [this.#mounting, this.#opening];
        await Promise.all([mounting, opening]);
      } while (mounting !== this.#mounting || opening !== this.#opening);
      await Promise.all([this.#banner?.updateComplete, this.#panel?.updateComplete]);
    })();
  }

  /** This host runs the page: show what its state asks for, and follow the store. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    session.store.addEventListener('reset', this.update);
    session.store.addEventListener('configure', this.update);
    document.addEventListener('click', this.#onClick);
    document.addEventListener('pointerover', this.#onApproach);
    document.addEventListener('focusin', this.#onApproach);
    this.update();
  }

  /** This host no longer runs the page (removed, or a duplicate): stop; a duplicate shows nothing. */
  stop(): void {
    this.#running = false;
    session.store.removeEventListener('reset', this.update);
    session.store.removeEventListener('configure', this.update);
    document.removeEventListener('click', this.#onClick);
    document.removeEventListener('pointerover', this.#onApproach);
    document.removeEventListener('focusin', this.#onApproach);
    if (this.#host.isConnected) {
      this.#root.replaceChildren();
      this.#banner = this.#panel = this.#mounting = undefined;
    }
  }

  /** Passes the host's attributes on, and loads the banner when there is no decision. */
  readonly update = (): void => {
    if (!this.#running) return;
    if (this.#banner) this.#sync();
    else if (!session.store.decision) void this.#mount();
  };

  showPanel(): Promise<void> {
    this.#opening = this.#openPanel();
    return this.#opening;
  }

  async #openPanel(): Promise<void> {
    if (!this.#running || this.#panel?.open) return;
    const opener = deepActiveElement();
    preloadPanel();
    const banner = await this.#mount();
    const module = await panelChunk.load().catch((error: unknown) => this.#report(error));
    if (!banner || !module || !this.#running) return;
    this.#panel ??= module.mountPanel(this.#root, banner);
    this.#sync();
    await this.#panel.show(opener);
  }

  #mount(): Promise<CookieConsentBanner | undefined> {
    return (this.#mounting ??= bannerChunk.load().then(
      (module) => {
        if (!this.#running) return (this.#mounting = undefined);
        this.#banner = module.mountBanner(this.#root);
        this.#sync();
        return this.#banner;
      },
      (error: unknown) => {
        this.#mounting = undefined;
        return this.#report(error);
      }
    ));
  }

  #sync(): void {
    const {policyUrl, layout, theme} = this.#host;
    if (this.#banner) {
      Object.assign(this.#banner, {policyUrl, layout, theme});
      // The language may have changed: the banner reads it from the host's `lang` when it updates.
      this.#banner.requestUpdate();
    }
    if (this.#panel) {
      this.#panel.theme = theme;
      this.#panel.requestUpdate();
    }
  }

  /** Without the UI (offline, blocked) nothing is shown; the decision API keeps working. */
  #report(error: unknown): undefined {
    if (String(error) !== String(this.#failure)) warn('could not load the banner or the preferences panel.', error);
    this.#failure = error;
    return undefined;
  }

  readonly #onClick = (event: MouseEvent): void => {
    const opener = event.composedPath().find((target) => target instanceof Element && target.matches(OPENER));
    if (!opener) return;
    event.preventDefault();
    void this.showPanel();
  };

  readonly #onApproach = (event: Event): void => {
    if (event.target instanceof Element && event.target.closest(OPENER)) preloadPanel();
  };
}

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

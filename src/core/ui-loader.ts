/**
 * When `<cookie-consent>` must show something, loads the Lit UI (`ui/host-ui.ts`, with the banner)
 * into its shadow root: while there is no decision, and when the panel is asked for. A returning
 * visitor who opens nothing loads none of it. Controls marked `data-cookie-preferences` open the
 * panel; pointing at one or focusing it starts the fetch early.
 */
import type {HostUi} from '../ui/host-ui.js';
import {configText, siteConfigChunk} from './config-source.js';
import {lazyChunk} from './lazy.js';
import {warn} from './log.js';
import {hasConfig} from './options.js';
import {session} from './session.js';

const uiChunk = lazyChunk(() => import('../ui/host-ui.js'));
/** The list of locales: small, so it arrives before the UI and starts the visitor's locale on its way. */
const localeChunk = lazyChunk(() => import('../i18n/locale-preload.js'));

/** What the UI shows of `<cookie-consent>`'s attributes. */
export interface UiHost extends HTMLElement {
  policyUrl?: string;
  layout: string;
  theme: string;
}

const OPENER = '[data-cookie-preferences]';
const LISTENED = ['click', 'pointerover', 'focusin'] as const;

export class UiLoader {
  /** The UI once loaded into this host. */
  #ui?: HostUi;
  /** The work under way: loading the UI, opening the panel. */
  #pending: Promise<unknown> = Promise.resolve();
  #running = false;
  /** A failure to load is reported once, not on every try. */
  #reported = false;
  readonly #host: UiHost;
  readonly #root: ShadowRoot;

  constructor(host: UiHost, root: ShadowRoot) {
    this.#host = host;
    this.#root = root;
  }

  /** Resolves once the UI has rendered what the state asks for. */
  get updateComplete(): Promise<unknown> {
    return (async () => {
      let pending;
      do {
        pending = this.#pending;
        await pending;
      } while (pending !== this.#pending);
      await this.#ui?.updateComplete;
    })();
  }

  /** This host runs the page: show what its state asks for, and follow the store. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    session.store.addEventListener('reset', this.update);
    session.store.addEventListener('configure', this.update);
    for (const type of LISTENED) document.addEventListener(type, this.#onEvent);
    this.update();
  }

  /** This host no longer runs the page (removed, or a duplicate): stop; a duplicate shows nothing. */
  stop(): void {
    this.#running = false;
    session.store.removeEventListener('reset', this.update);
    session.store.removeEventListener('configure', this.update);
    for (const type of LISTENED) document.removeEventListener(type, this.#onEvent);
    if (this.#host.isConnected) {
      this.#root.replaceChildren();
      this.#ui = undefined;
    }
  }

  /** Passes the host's attributes on, and loads the UI when there is no decision. */
  readonly update = (): void => {
    if (this.#ui) this.#ui.sync();
    else if (this.#running && !session.store.decision) this.#load();
  };

  /** Opens the panel, loading the UI first if need be; focus goes back to `opener` when it closes. */
  showPanel(opener = deepActiveElement()): Promise<void> {
    const opening = this.#load().then((ui) => ui?.showPanel(opener).catch(this.#report));
    this.#pending = Promise.all([this.#pending, opening]);
    return opening;
  }

  #load(): Promise<HostUi | undefined> {
    if (!this.#running) return Promise.resolve(undefined);
    if (this.#ui) return Promise.resolve(this.#ui);
    localeChunk.load().then(({preloadLocale}) => preloadLocale(this.#host), this.#report);
    // The site's configuration comes beside the UI; the UI reports a failure when it reads it.
    const src = this.#host.getAttribute('src');
    if (src) configText(src).catch(() => undefined);
    if (hasConfig(this.#host)) siteConfigChunk.load().catch(() => undefined);
    const loading = uiChunk
      .load()
      .then(
        ({HostUi}) => (this.#running ? (this.#ui ??= new HostUi(this.#host, this.#root)) : undefined),
        this.#report
      );
    this.#pending = Promise.all([this.#pending, loading]);
    return loading;
  }

  /** Without the UI (offline, blocked) nothing is shown; the decision API keeps working. */
  readonly #report = (error: unknown): undefined => {
    if (!this.#reported) warn('could not load the banner or the preferences panel.', error);
    this.#reported = true;
    return undefined;
  };

  readonly #onEvent = (event: Event): void => {
    const opener = event.composedPath().find((target) => target instanceof Element && target.matches(OPENER));
    if (!opener || !this.#running) return;
    if (event.type !== 'click') {
      void uiChunk.load().then(({preloadPanel}) => preloadPanel(), this.#report);
    } else {
      event.preventDefault();
      void this.showPanel();
    }
  };
}

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * The UI inside `<cookie-consent>`'s shadow root, loaded by `core/ui-loader.ts` when something must
 * be shown: the banner (with its status notice) at once, the panel when it is first opened. Passes
 * the host's attributes down to them.
 */
import type {UiHost} from '../core/ui-loader.js';
import {mountBanner, type CookieConsentBanner} from './banner.js';
import type {CookieConsentPanel} from './panel.js';
import {panelChunk} from './panel-loader.js';

export {preloadPanel} from './panel-loader.js';

export class HostUi {
  readonly #host: UiHost;
  readonly #root: ShadowRoot;
  readonly #banner: CookieConsentBanner;
  #panel?: CookieConsentPanel;

  constructor(host: UiHost, root: ShadowRoot) {
    this.#host = host;
    this.#root = root;
    this.#banner = mountBanner(root);
    this.sync();
  }

  get updateComplete(): Promise<unknown> {
    return Promise.all([this.#banner.updateComplete, this.#panel?.updateComplete]);
  }

  /** Gives the banner and the panel the host's attributes again. */
  sync(): void {
    const {policyUrl, layout, theme} = this.#host;
    Object.assign(this.#banner, {policyUrl, layout, theme});
    // The language may have changed: the banner reads it from the host's `lang` when it updates.
    this.#banner.requestUpdate();
    if (this.#panel) {
      this.#panel.theme = theme;
      this.#panel.requestUpdate();
    }
  }

  /** Opens the panel (loading it the first time); rejects if it cannot be loaded. */
  async showPanel(opener: HTMLElement | null): Promise<void> {
    if (this.#panel?.open) return;
    const {mountPanel} = await panelChunk.load();
    this.#panel ??= mountPanel(this.#root, this.#banner);
    this.sync();
    await this.#panel.show(opener);
  }
}

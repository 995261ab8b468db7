import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {render} from 'lit/html.js';
import {upgradeProperties, type Attributes} from './element.js';
import {LOCALE_STATUS_EVENT} from '../i18n/localization.js';
import {warn} from '../core/log.js';
import {adoptSheets} from '../ui/theme.styles.js';

/**
 * The base of the elements a page places beside `<cookie-consent>` (the gate and the declaration):
 * reflected properties, Lit reactive controllers, one update a microtask after any number of
 * changes, and a lit-html template rendered into an open shadow root, without LitElement's weight.
 */
export abstract class PageElement extends HTMLElement implements ReactiveControllerHost {
  protected readonly root = this.attachShadow({mode: 'open'});
  private styled = false;
  private readonly controllers: ReactiveController[] = [];
  private pending?: Promise<boolean>;

  /**
   * The reflected properties (see `reflect()`, which each subclass calls once, below its class).
   * @internal
   */
  protected abstract readonly reflected: Attributes;
  /**
   * The stylesheets, shared ones first.
   * @internal
   */
  protected abstract readonly styles: string[];

  connectedCallback(): void {
    upgradeProperties(this, this.reflected);
    for (const controller of this.controllers) controller.hostConnected?.();
    window.addEventListener(LOCALE_STATUS_EVENT, this.onLocaleStatus);
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
    window.removeEventListener(LOCALE_STATUS_EVENT, this.onLocaleStatus);
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (old !== value) this.requestUpdate();
  }

  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }

  removeController(controller: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(controller) >>> 0, 1);
  }

  requestUpdate(): void {
    this.pending ??= Promise.resolve().then(() => {
      this.pending = undefined;
      try {
        this.update();
      } catch (error) {
        warn(`could not show <${this.localName}>.`, error);
      }
      return true;
    });
  }

  /** Resolves once no update is pending, as a LitElement's does. */
  get updateComplete(): Promise<boolean> {
    return (async () => {
      while (this.pending) await this.pending;
      return true;
    })();
  }

  /** Runs before each render, with the state it will show. */
  protected willUpdate(): void {}

  protected abstract render(): unknown;

  private update(): void {
    if (!this.isConnected) return;
    this.willUpdate();
    for (const controller of this.controllers) controller.hostUpdate?.();
    if (!this.styled) adoptSheets(this.root, this.styles);
    this.styled = true;
    render(this.render(), this.root, {host: this});
    for (const controller of this.controllers) controller.hostUpdated?.();
  }

  /** Texts change language when lit-localize has loaded a locale. */
  private readonly onLocaleStatus = (): void => this.requestUpdate();
}

import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {session} from '../core/session.js';
import {OPTIONAL_CATEGORIES, type ConsentChangeDetail, type ConsentStoreEvent} from '../core/store.js';

/**
 * Links an element to the page's consent session: updates its host when the decision changes, is
 * forgotten, or is read under new settings, and calls `onDecision` with each decision's detail.
 */
export class ConsentController implements ReactiveController {
  readonly session = session;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onDecision?: (detail: ConsentChangeDetail) => void
  ) {
    host.addController(this);
  }

  get store() {
    return this.session.store;
  }

  /** The categories the page's `<cookie-consent>` offers; every one while there is none. */
  get offered() {
    return this.session.host ? this.store.offered : OPTIONAL_CATEGORIES;
  }

  /** The current decision; `null` while undecided or while there is no `<cookie-consent>`. */
  get consent() {
    return this.session.host ? this.store.consent : null;
  }

  hostConnected(): void {
    for (const type of ['change', 'reset', 'configure']) this.store.addEventListener(type, this.update);
  }

  hostDisconnected(): void {
    for (const type of ['change', 'reset', 'configure']) this.store.removeEventListener(type, this.update);
  }

  private readonly update = (event: Event): void => {
    this.host.requestUpdate();
    if (event.type === 'change') this.onDecision?.((event as ConsentStoreEvent).detail);
  };
}

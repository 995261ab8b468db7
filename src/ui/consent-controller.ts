import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {DecisionSource} from '../core/consent-log.js';
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

  /** Runs `decide` as the visitor's act on `source`, which shows `shownText`, for the decision record. */
  by(source: DecisionSource, shownText: string | null | undefined, decide: () => void): void {
    this.session.decidingBy = {source, textsHash: textsHash(shownText ?? '')};
    decide();
    this.session.decidingBy = undefined;
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

/** 8 hex digits of FNV-1a over the text with its spacing evened out: which texts were shown, not a secret. */
export function textsHash(text: string): string | undefined {
  const normalized = text.replace(/\s+/g, ' ').trim();
  if (!normalized) return undefined;
  let hash = 0x811c9dc5;
  for (const char of normalized) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

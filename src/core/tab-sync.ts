/**
 * Tells the site's other open tabs that the decision changed, and hears theirs: a message on a
 * BroadcastChannel named after the cookie; each tab then reads the cookie itself.
 */
import {warn} from './log.js';

export class TabSync {
  #channel?: BroadcastChannel;

  /** `onMessage` runs when another tab decided: read the cookie again. */
  readonly #onMessage: () => void;

  constructor(onMessage: () => void) {
    this.#onMessage = onMessage;
  }

  /** Listens on the channel of `cookieName` (again, if the name changed). */
  open(cookieName: string): void {
    const name = `cookie-consent-elements:${cookieName}`;
    if (this.#channel?.name === name || typeof BroadcastChannel !== 'function') return;
    this.close();
    try {
      this.#channel = new BroadcastChannel(name);
      this.#channel.onmessage = this.#onMessage;
    } catch (error) {
      warn('other tabs will not hear of decisions made here.', error);
    }
  }

  post(message: string | undefined): void {
    try {
      this.#channel?.postMessage(message);
    } catch (error) {
      warn('could not tell other tabs about the decision.', error);
    }
  }

  close(): void {
    this.#channel?.close();
    this.#channel = undefined;
  }
}

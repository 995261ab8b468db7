/** A ConsentStore over an in-memory cookie jar, and stored records, for the store's unit tests. */
import {
  ConsentStore,
  DEFAULT_OPTIONS,
  type CookieJar,
  type CookieWriteOptions,
  type StoreOptions,
} from '../../src/core/store.js';

export const DAY = 24 * 60 * 60 * 1000;
export const NOW = Date.UTC(2026, 10, 27, 12);

/** An in-memory cookie jar that records what the store wrote. */
export class MemoryJar implements CookieJar {
  readonly values = new Map<string, string>();
  lastOptions?: CookieWriteOptions;
  get(name: string) {
    return this.values.get(name);
  }
  set(name: string, value: string, options: CookieWriteOptions) {
    this.values.set(name, value);
    this.lastOptions = options;
  }
  remove(name: string) {
    this.values.delete(name);
  }
}

export function makeStore(options: Partial<StoreOptions> = {}, jar = new MemoryJar(), now = () => NOW) {
  const store = new ConsentStore(jar, now);
  store.configure({...DEFAULT_OPTIONS, ...options});
  return {store, jar};
}

/** A valid stored record (revision 1, decided a day before NOW, granting performance), with `overrides`. */
export function validRecord(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    v: 1,
    rev: '1',
    at: NOW - DAY,
    id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    granted: ['performance'],
    ...overrides,
  });
}

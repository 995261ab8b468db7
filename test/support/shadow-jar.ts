/**
 * A browser's cookies as far as shadowing goes: copies of one name on parent domains and paths,
 * read in `document.cookie`'s order (longest path first, then the oldest). `jarFor(page)` is the
 * jar of one page of the site, for the store's tests of copies set elsewhere.
 */
import type {CookieJar, CookieWriteOptions} from '../../src/core/store.js';

interface Entry {
  name: string;
  value: string;
  /** Without a leading dot; `hostOnly` cookies are sent to that host alone. */
  domain: string;
  hostOnly: boolean;
  path: string;
  created: number;
}

interface Page {
  hostname: string;
  pathname: string;
}

const pathMatches = (cookiePath: string, pathname: string) =>
  pathname === cookiePath ||
  (pathname.startsWith(cookiePath) && (cookiePath.endsWith('/') || pathname[cookiePath.length] === '/'));

export class CookieModel {
  readonly entries: Entry[] = [];
  #clock = 0;

  jarFor(page: Page): CookieJar {
    const entries = this.entries;
    const visible = () => this.visible(page);
    const created = () => this.#clock++;
    const where = (domain?: string) =>
      domain
        ? {domain: domain.replace(/^\./, '').toLowerCase(), hostOnly: false}
        : {domain: page.hostname, hostOnly: true};
    const same = (name: string, path: string, domain?: string) => (entry: Entry) => {
      const place = where(domain);
      return (
        entry.name === name && entry.path === path && entry.domain === place.domain && entry.hostOnly === place.hostOnly
      );
    };
    return {
      page,
      get(name) {
        return visible()
          .filter((entry) => entry.name === name)
          .at(0)?.value;
      },
      set(name: string, value: string, {path, domain}: CookieWriteOptions) {
        const place = where(domain);
        // A browser refuses a domain that does not cover the page's host.
        if (page.hostname !== place.domain && !page.hostname.endsWith(`.${place.domain}`)) return;
        const existing = entries.find(same(name, path, domain));
        if (existing) existing.value = value;
        else entries.push({name, value, path, ...place, created: created()});
      },
      remove(name, {path, domain}) {
        const index = entries.findIndex(same(name, path, domain));
        if (index >= 0) entries.splice(index, 1);
      },
    };
  }

  /** The cookies `page` sees, in `document.cookie`'s order. */
  visible(page: Page): Entry[] {
    return this.entries
      .filter(
        (entry) =>
          (entry.hostOnly
            ? entry.domain === page.hostname
            : page.hostname === entry.domain || page.hostname.endsWith(`.${entry.domain}`)) &&
          pathMatches(entry.path, page.pathname)
      )
      .sort((a, b) => b.path.length - a.path.length || a.created - b.created);
  }
}

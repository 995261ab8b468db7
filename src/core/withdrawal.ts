/**
 * Withdrawal takes effect: deletes what the site declared for refused categories, the cookies
 * (on every path and parent domain they may have been set for) and storage keys.
 * Scripts already running cannot be stopped; `reload-on-withdraw` covers that.
 */
import Cookies from 'js-cookie';
import {cookieDomains, cookiePaths} from './cookie-scope.js';
import {declarationsOf, type DeclaredItem} from './declarations.js';
import {warn} from './log.js';
import type {OptionalCategory} from './store.js';

export {cookieDomains, cookiePaths};

function matches(item: DeclaredItem, name: string): boolean {
  return name === item.name || (item.match?.test(name) ?? false);
}

function deleteCookies(items: DeclaredItem[], keep: string): void {
  if (items.length === 0) return;
  const present = Object.keys(Cookies.get());
  const names = new Set(present.filter((name) => name !== keep && items.some((item) => matches(item, name))));
  if (names.size === 0) return;
  const paths = cookiePaths(location.pathname);
  const domains = [undefined, ...cookieDomains(location.hostname)];
  for (const name of names) {
    for (const domain of domains) {
      for (const path of paths) Cookies.remove(name, {path, domain});
    }
  }
}

function clearStorage(area: 'localStorage' | 'sessionStorage', items: DeclaredItem[]): void {
  if (items.length === 0) return;
  try {
    const storage = window[area];
    const keys = Array.from({length: storage.length}, (_, index) => storage.key(index)).filter(
      (key): key is string => key !== null && items.some((item) => matches(item, key))
    );
    for (const key of keys) storage.removeItem(key);
  } catch (error) {
    warn(`could not clear ${area}.`, error);
  }
}

/** Deletes every declared cookie and storage key of the given items, but never the decision cookie `keep`. */
function forgetDeclared(items: DeclaredItem[], keep: string): void {
  deleteCookies(
    items.filter((item) => item.type === 'cookie'),
    keep
  );
  clearStorage(
    'localStorage',
    items.filter((item) => item.type === 'localStorage')
  );
  clearStorage(
    'sessionStorage',
    items.filter((item) => item.type === 'sessionStorage')
  );
}

/**
 * Deletes what the JSON block of this `<cookie-consent>` declares for the refused categories, but
 * never the decision cookie `keep`. A lazy chunk with the declarations' parser: pages without a
 * JSON block never load it.
 */
export function withdraw(element: Element, refused: readonly OptionalCategory[], keep: string): void {
  const declarations = declarationsOf(element);
  forgetDeclared(
    refused.flatMap((category) => declarations[category]),
    keep
  );
}

/**
 * Withdrawal takes effect: deletes what the site declared for refused categories, the cookies
 * (on every path and parent domain they may have been set for) and storage keys.
 * Scripts already running cannot be stopped; `reload-on-withdraw` covers that.
 */
import Cookies from 'js-cookie';
import {declarationsOf, type DeclaredItem} from './declarations.js';
import {warn} from './log.js';
import type {OptionalCategory} from './store.js';

function matches(item: DeclaredItem, name: string): boolean {
  return name === item.name || (item.match?.test(name) ?? false);
}

/** `/a/b` gives `/`, `/a`, `/a/`, `/a/b`, `/a/b/`: each path a cookie of this page may carry. */
export function cookiePaths(pathname: string): string[] {
  const paths = new Set(['/']);
  let prefix = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    prefix += `/${segment}`;
    paths.add(prefix);
    paths.add(`${prefix}/`);
  }
  return [...paths];
}

/** `www.news.example.org` gives itself, `news.example.org` and `example.org`: the domains a cookie may name. */
export function cookieDomains(hostname: string): string[] {
  const labels = hostname.split('.');
  if (labels.length < 2 || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return [];
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
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

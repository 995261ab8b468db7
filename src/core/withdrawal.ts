/**
 * Withdrawal takes effect: deletes what the site declared for refused categories, the cookies
 * (on every path and parent domain they may have been set for, and on declared paths), storage
 * keys, IndexedDB databases and Cache Storage caches.
 * Scripts already running cannot be stopped; `reload-on-withdraw` covers that.
 */
import {cookieDomains, cookiePaths} from './cookie-scope.js';
import type {DeclaredItem, Declarations, StorageKind} from './declarations.js';
import {loadedSiteConfig, siteConfig} from './site-config.js';
import {warn} from './log.js';
import type {OptionalCategory} from './store.js';

export {cookieDomains, cookiePaths};

function matches(item: DeclaredItem, name: string): boolean {
  return name === item.name || (item.match?.test(name) ?? false);
}
/**
 * Deletes the cookie `name` exactly as the browser holds it, writing `document.cookie` itself
 * (js-cookie would encode `@ : [ ] { } / ? ,` in the name, and miss the cookie). In a secure context
 * it also tries `Secure` and `Partitioned`: a secure (or `__Secure-`, `__Host-`) cookie, or a
 * partitioned one, is deleted only by a write that has them too. (This is the page's cookie seam
 * for withdrawal; it lives in this lazy chunk so that the core stays small.)
 */
function removeCookie(name: string, path: string, domain: string | undefined): void {
  const cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}${domain ? `; domain=${domain}` : ''}`;
  document.cookie = cookie;
  if (isSecureContext) {
    document.cookie = `${cookie}; Secure`;
    document.cookie = `${cookie}; Secure; Partitioned`;
  }
}

/** The names of the page's cookies as the browser holds them, not decoded. */
function cookieNames(): string[] {
  return document.cookie
    .split(';')
    .map((entry) => entry.split('=')[0].trim())
    .filter(Boolean);
}

function deleteCookies(items: DeclaredItem[], keep: string): void {
  if (items.length === 0) return;
  const pagePaths = cookiePaths(location.pathname);
  const targets = new Map<string, string[]>();
  const target = (name: string, {path}: DeclaredItem) => {
    if (name !== keep) targets.set(name, [...(targets.get(name) ?? pagePaths), ...(path ? [path] : [])]);
  };
  for (const name of cookieNames()) {
    const item = items.find((declared) => matches(declared, name));
    if (item) target(name, item);
  }
  // A cookie set for a deeper path is not visible here: it is deleted there by its declared name.
  for (const item of items) if (item.path) target(item.name, item);
  const domains = [undefined, ...cookieDomains(location.hostname)];
  for (const [name, paths] of targets) {
    for (const domain of domains) {
      for (const path of new Set(paths)) removeCookie(name, path, domain);
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

/** Settles once `request` succeeded or failed, or is blocked by a connection the page still holds open (it then completes when that closes). */
function settled(request: IDBOpenDBRequest): Promise<unknown> {
  return new Promise((resolve) => (request.onsuccess = request.onerror = request.onblocked = resolve));
}

/** The declared names, and those of `listed` that a declared `match` finds. */
function namesOf(items: DeclaredItem[], listed: string[]): Set<string> {
  return new Set([
    ...items.map((item) => item.name),
    ...listed.filter((name) => items.some((item) => matches(item, name))),
  ]);
}

async function deleteDatabases(items: DeclaredItem[]): Promise<void> {
  const listed = items.some((item) => item.match) ? await indexedDB.databases() : [];
  const names = namesOf(
    items,
    listed.map((database) => database.name ?? '')
  );
  await Promise.all([...names].map((name) => settled(indexedDB.deleteDatabase(name))));
}

async function deleteCaches(items: DeclaredItem[]): Promise<void> {
  const names = namesOf(items, items.some((item) => item.match) ? await caches.keys() : []);
  await Promise.all([...names].map((name) => caches.delete(name)));
}

/** Runs an asynchronous deletion, which may be missing from the browser or throw: a warning, never an error. */
async function attempt(
  what: string,
  items: DeclaredItem[],
  remove: (items: DeclaredItem[]) => Promise<void>
): Promise<void> {
  if (items.length === 0) return;
  try {
    await remove(items);
  } catch (error) {
    warn(`could not delete the declared ${what}.`, error);
  }
}

/**
 * Deletes what the site's configuration declares for the refused categories, but never the
 * decision cookie `keep`. A lazy chunk: pages that declare nothing never load it. Cookies and
 * storage keys are gone when it returns (once a `src` file still on its way has arrived);
 * databases and caches when the promise settles.
 */
export function withdraw(element: Element, refused: readonly OptionalCategory[], keep: string): Promise<void> {
  if (element.hasAttribute('src')) {
    return loadedSiteConfig(element).then(({declarations}) => remove(declarations, refused, keep));
  }
  return remove(siteConfig(element).declarations, refused, keep);
}

function remove(declarations: Declarations, refused: readonly OptionalCategory[], keep: string): Promise<void> {
  const items = refused.flatMap((category) => declarations[category]);
  const ofType = (type: StorageKind) => items.filter((item) => item.type === type);
  deleteCookies(ofType('cookie'), keep);
  clearStorage('localStorage', ofType('localStorage'));
  clearStorage('sessionStorage', ofType('sessionStorage'));
  return Promise.all([
    attempt('IndexedDB databases', ofType('indexedDB'), deleteDatabases),
    attempt('caches', ofType('cacheStorage'), deleteCaches),
  ]).then(() => undefined);
}

/**
 * What the in-browser audit reads of the page: cookies, storage keys, requests (Resource Timing),
 * the page's scripts, iframes and images, and `dataLayer`. Reading only: nothing here writes.
 */
import type {ObservedCookie, ObservedElement, ObservedRequest, ObservedStorage} from './observation.js';

interface CookieStoreItem {
  name: string;
  expires?: number | null;
}

/** The page's cookies, with their expiry where the browser tells it (the Cookie Store API). */
export async function readCookies(): Promise<ObservedCookie[]> {
  const store = (window as {cookieStore?: {getAll(): Promise<CookieStoreItem[]>}}).cookieStore;
  try {
    if (store) {
      return (await store.getAll()).map(({name, expires}) => ({
        name,
        ...(expires == null ? {expires: -1} : {expires: Math.round(expires / 1000)}),
      }));
    }
  } catch {
    // Not allowed here (an opaque origin, say): the names alone will do.
  }
  return document.cookie
    .split(';')
    .map((entry) => ({name: entry.split('=')[0].trim()}))
    .filter(({name}) => name !== '');
}

/** The keys of local and session storage (none where storage is blocked). */
export function readStorage(): ObservedStorage[] {
  const keys: ObservedStorage[] = [];
  for (const type of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = window[type];
      for (let index = 0; index < storage.length; index++) keys.push({type, name: storage.key(index)!});
    } catch {
      // Storage is blocked: there is nothing to read.
    }
  }
  return keys;
}

/** Requests the page made since `since` (ms on the page's clock), as Resource Timing records them; `ours` left out. */
export function readRequests(since: number, ours: string): ObservedRequest[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.startTime >= since && !entry.name.startsWith(ours))
    .map((entry) => ({url: entry.name, initiator: entry.initiatorType}));
}

/** The page's scripts, iframes and images with a source; `ours` (the library's own files) left out. */
export function readElements(ours: string): ObservedElement[] {
  const elements: ObservedElement[] = [];
  for (const element of document.querySelectorAll(
    'script[src], iframe[src], iframe[data-src], img[src], img[data-src]'
  )) {
    const tag = element.localName as ObservedElement['tag'];
    const src = (element as HTMLScriptElement).src || element.getAttribute('data-src') || '';
    if (!src || src.startsWith(ours)) continue;
    elements.push({tag, src: new URL(src, document.baseURI).href, gated: element.hasAttribute('data-cookie-consent')});
  }
  return elements;
}

/** `window.dataLayer` as its commands' first two arguments (gtag pushes `arguments` objects, GTM `{event}`). */
export function readDataLayer(): string[][] | undefined {
  const layer = (window as {dataLayer?: unknown}).dataLayer;
  if (!Array.isArray(layer)) return undefined;
  return layer.map((entry: unknown) => {
    // gtag reads `arguments` objects only: a plain array is no command.
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return [];
    if ('length' in entry) return Array.from(entry as ArrayLike<unknown>, String).slice(0, 2);
    const event = (entry as {event?: unknown}).event;
    return event === undefined ? [] : ['event', String(event)];
  });
}

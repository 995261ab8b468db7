/**
 * The site's JSON configuration, as far as the core goes: `src`, a file of the site's own origin
 * shared by every page, fetched once per page and URL with the browser's cache; the lazy module
 * that reads it with the inline block (`site-config.ts`); and the event that says it changed. The
 * core starts both beside the UI on a first visit, so the banner does not wait for them after it.
 */
import {lazyChunk} from './lazy.js';

export const siteConfigChunk = lazyChunk(() => import('./site-config.js'));

/** Dispatches `change` when the configuration changes (a `src` file arrived or failed). */
export const configChanges = new EventTarget();

const requests = new Map<string, Promise<string>>();

export function configText(src: string): Promise<string> {
  let request = requests.get(src);
  if (!request) {
    request = (async () => {
      const response = await fetch(new URL(src, document.baseURI), {mode: 'same-origin'});
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    })();
    requests.set(src, request);
  }
  return request;
}

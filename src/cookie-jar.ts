import Cookies from 'js-cookie';
import type {CookieJar} from './store.js';

/**
 * The page's own cookies, written and decoded with js-cookie. Reading looks up the one cookie in a
 * single read of `document.cookie`: each read is a round trip to the browser's cookie store, and
 * `Cookies.get()` makes two.
 */
export const documentCookieJar: CookieJar = {
  get: (name) => {
    for (const pair of document.cookie.split('; ')) {
      const at = pair.indexOf('=');
      if (at > 0 && decodeName(pair.slice(0, at)) === name) return Cookies.converter.read(pair.slice(at + 1), name);
    }
    return undefined;
  },
  set: (name, value, options) => {
    Cookies.set(name, value, options);
  },
  remove: (name, options) => Cookies.remove(name, options),
};

/** js-cookie writes names percent-encoded, and reads them decoded. */
function decodeName(name: string): string | undefined {
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

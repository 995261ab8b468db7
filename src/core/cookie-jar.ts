import Cookies from 'js-cookie';
import type {CookieJar} from './store.js';

/** The page's own cookies, read and written with js-cookie. */
export const documentCookieJar: CookieJar = {
  get: (name) => Cookies.get(name),
  set: (name, value, options) => {
    Cookies.set(name, value, options);
  },
  remove: (name, options) => Cookies.remove(name, options),
  page: location,
};

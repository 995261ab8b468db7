/** Turns the attributes of `<cookie-consent>` into safe values, warning about anything it must ignore. */
import {warn} from './log.js';
import {DEFAULT_OPTIONS, OPTIONAL_CATEGORIES, type OptionalCategory, type StoreOptions} from './store.js';

/** Browsers cap cookie lifetimes at 400 days. */
export const MAX_EXPIRES_DAYS = 400;
// RFC 6265 cookie-name token: visible ASCII without separators.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True for `http:`, `https:` and relative URLs, judged the way the browser will resolve them. */
export function isSafeUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const {protocol} = new URL(value, 'https://relative.invalid/');
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function safeUrl(value: string | null | undefined, attribute: string): string | undefined {
  if (value == null || value === '') return undefined;
  if (isSafeUrl(value)) return value;
  warn(`${attribute}="${value}" is not an http(s) or relative URL; it is ignored.`);
  return undefined;
}

export function parseCategories(value: string | null | undefined): OptionalCategory[] {
  if (value == null) return [...OPTIONAL_CATEGORIES];
  const offered: OptionalCategory[] = [];
  for (const name of value.split(/\s+/).filter(Boolean)) {
    if ((OPTIONAL_CATEGORIES as readonly string[]).includes(name)) {
      if (!offered.includes(name as OptionalCategory)) offered.push(name as OptionalCategory);
    } else if (name !== 'necessary') {
      warn(`unknown category "${name}" in categories="${value}"; use ${OPTIONAL_CATEGORIES.join(', ')}.`);
    }
  }
  return OPTIONAL_CATEGORIES.filter((category) => offered.includes(category));
}

export function parseExpiresDays(value: number | null | undefined): number {
  if (value == null) return DEFAULT_OPTIONS.expiresDays;
  if (!Number.isFinite(value) || value <= 0) {
    warn(`expires-days must be a positive number of days; using ${DEFAULT_OPTIONS.expiresDays}.`);
    return DEFAULT_OPTIONS.expiresDays;
  }
  if (value > MAX_EXPIRES_DAYS) {
    warn(`expires-days="${value}" is longer than browsers keep cookies; using ${MAX_EXPIRES_DAYS}.`);
    return MAX_EXPIRES_DAYS;
  }
  return value;
}

export function parseCookieName(value: string | null | undefined): string {
  if (value == null || value === '') return DEFAULT_OPTIONS.cookieName;
  if (COOKIE_NAME.test(value)) return value;
  warn(`cookie-name="${value}" is not a valid cookie name; using "${DEFAULT_OPTIONS.cookieName}".`);
  return DEFAULT_OPTIONS.cookieName;
}

export function parseRevision(value: string | null | undefined): string {
  return value == null || value === '' ? DEFAULT_OPTIONS.revision : value;
}

/** The JSON block inside `<cookie-consent>`, where the site declares its cookies and texts (see `site-config.ts`). */
export const JSON_BLOCK = ':scope > script[type="application/json"]';

/** Whether the site gives a JSON configuration, inline or by `src`. */
export function hasConfig(host: Element): boolean {
  return host.hasAttribute('src') || !!host.querySelector(JSON_BLOCK);
}

/** What `<cookie-consent>` exposes of its attributes to the session that runs the page. */
export interface HostAttributes {
  cookieName: string;
  revision: string;
  expiresDays: number;
  cookieDomain?: string;
  categories: string;
  ignoreGpc: boolean;
  exempt?: string;
}

/** The attributes the store depends on, as one value: the store is configured again only when it changes. */
export function storeKey(host: HostAttributes): string {
  const {cookieName, revision, expiresDays, cookieDomain, categories, ignoreGpc, exempt} = host;
  return JSON.stringify([cookieName, revision, expiresDays, cookieDomain, categories, ignoreGpc, exempt]);
}

/** The store's options from the element's attributes, each made safe (with a warning where it had to be). */
export function storeOptions(host: HostAttributes): StoreOptions {
  const offered = parseCategories(host.categories);
  const honourGpc = gpcSignal() && !host.ignoreGpc;
  return {
    cookieName: parseCookieName(host.cookieName),
    revision: parseRevision(host.revision),
    expiresDays: parseExpiresDays(host.expiresDays),
    cookieDomain: validCookieDomain(host.cookieDomain),
    offered,
    secure: location.protocol === 'https:',
    honourGpc,
    // The visitor's objection wins, and so does the signal: under it, nothing is exempt.
    exempt: honourGpc ? [] : parseExempt(host.exempt, offered),
  };
}

/** `exempt`: offered categories among `performance` and `functionality`; anything else warns. */
function parseExempt(value: string | undefined, offered: readonly OptionalCategory[]): OptionalCategory[] {
  const names = new Set(value?.split(/\s+/).filter(Boolean));
  const exempt = offered.filter((category) => category !== 'targeting' && names.has(category));
  if (exempt.length < names.size) {
    warn(`exempt="${value}": only performance and functionality, when offered, can be used without consent.`);
  }
  return exempt;
}

function validCookieDomain(value: string | undefined): string | undefined {
  const domain = value?.trim();
  if (!domain) return undefined;
  const host = location.hostname;
  const bare = domain.replace(/^\./, '').toLowerCase();
  if (host === bare || host.endsWith(`.${bare}`)) return domain;
  warn(`cookie-domain="${domain}" does not cover this page's host "${host}"; the cookie is set for the host only.`);
  return undefined;
}

function gpcSignal(): boolean {
  return (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;
}

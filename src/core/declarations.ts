/**
 * The site's declaration of what each category stores, the `cookies` of its JSON configuration
 * (`site-config.ts`). Used to delete what a withdrawn category left behind and to list it on the
 * policy page. Anything malformed is skipped with a warning; the rest still counts.
 */
import {warn} from './log.js';
import {CATEGORIES, type Category} from './store.js';

export type StorageKind = 'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB' | 'cacheStorage';
const KINDS: readonly StorageKind[] = ['cookie', 'localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage'];
const TEXT_FIELDS = ['provider', 'expires', 'purpose'] as const;

export interface DeclaredItem {
  /** The cookie's, storage key's, database's or cache's name, shown on the policy page; deleted when nothing else matches. */
  name: string;
  /** A regular expression matching several names (e.g. `^_ga`); deletes every match. */
  match?: RegExp;
  type: StorageKind;
  /** A cookie's path, when deeper than the pages it is deleted from (e.g. `/shop/`): the cookie is deleted there too. */
  path?: string;
  provider?: string;
  expires?: string;
  purpose?: string;
}

export type Declarations = Record<Category, DeclaredItem[]>;

export function emptyDeclarations(): Declarations {
  return {necessary: [], performance: [], functionality: [], targeting: []};
}

function parseItem(raw: unknown, where: string): DeclaredItem | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    warn(`${where} is not an object; it is skipped.`);
    return undefined;
  }
  const entry = raw as Record<string, unknown>;
  if (typeof entry.name !== 'string' || entry.name === '') {
    warn(`${where} has no "name"; it is skipped.`);
    return undefined;
  }
  const type = entry.type ?? 'cookie';
  if (!KINDS.includes(type as StorageKind)) {
    warn(`${where} has type "${String(type)}"; use ${KINDS.join(', ')}. It is skipped.`);
    return undefined;
  }
  const item: DeclaredItem = {name: entry.name, type: type as StorageKind};
  if (entry.match !== undefined) {
    try {
      if (typeof entry.match !== 'string') throw new TypeError('not a string');
      const match = new RegExp(entry.match);
      // "", ".*", "\w" or ".." would match almost any name, and withdrawing would delete the site's
      // other cookies (a login, say): names that no tracker's pattern should match stand for them.
      if (['', '\u2400', 'a', 'Z9'].some((name) => match.test(name))) {
        warn(
          `${where} has a "match" pattern that matches almost any name; only the exact name "${entry.name}" is used.`
        );
      } else item.match = match;
    } catch {
      warn(`${where} has an invalid "match" pattern; only the exact name "${entry.name}" is used.`);
    }
  }
  if (entry.path !== undefined) {
    // A path goes into the cookie string as is: nothing that could end the attribute or add another.
    if (type === 'cookie' && typeof entry.path === 'string' && /^\/[^;,\s]*$/.test(entry.path)) item.path = entry.path;
    else warn(`${where} has a "path" that is not a cookie's path, such as "/shop/"; it is ignored.`);
  }
  for (const field of TEXT_FIELDS) {
    if (typeof entry[field] === 'string') item[field] = entry[field];
  }
  return item;
}

/**
 * Parses the `cookies` of a JSON configuration (`{"performance": [{"name": "_ga", "match": "^_ga", ...}], ...}`):
 * the categories it declares, each with its valid items. `where` names the source in warnings.
 */
export function parseDeclarations(cookies: unknown, where: string): Partial<Declarations> {
  const declarations: Partial<Declarations> = {};
  if (cookies === undefined) return declarations;
  if (typeof cookies !== 'object' || cookies === null || Array.isArray(cookies)) {
    warn(`"cookies" in ${where} is not an object; no cookies are declared there.`);
    return declarations;
  }
  for (const [category, items] of Object.entries(cookies)) {
    if (!(CATEGORIES as readonly string[]).includes(category)) {
      warn(`${where} declares the unknown category "${category}"; use ${CATEGORIES.join(', ')}.`);
      continue;
    }
    if (!Array.isArray(items)) {
      warn(`"cookies.${category}" in ${where} is not a list; it is skipped.`);
      continue;
    }
    declarations[category as Category] = items.flatMap((raw, index) => {
      const item = parseItem(raw, `"cookies.${category}[${index}]" in ${where}`);
      return item ? [item] : [];
    });
  }
  return declarations;
}

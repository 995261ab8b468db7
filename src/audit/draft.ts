/**
 * The declaration draft: a ready-to-paste JSON block for the cookies an audit saw that the site has
 * not declared. No DOM here.
 */
import {CATEGORIES, type Category, type OptionalCategory} from '../core/decision.js';
import {declarationOf, originOf, type Draft, type DraftItem, type Observation} from './observation.js';
import {knownCookie, knownHost} from './hosts.js';

/** A first wording of what a well-known tag's cookie is for, by category; the site checks it. */
const PURPOSES: Record<OptionalCategory, string> = {
  performance: 'Statistics: tells visits apart and counts how the site is used',
  functionality: 'Remembers the settings of an embedded service',
  targeting: 'Advertising: recognises the visitor across sites to measure and target ads',
};

/** `_ga_ABC123` stands for the family `_ga_*`; a name without a numbered tail stands for itself. */
export function nameFamily(name: string): {name: string; match?: string} {
  const family = /^([A-Za-z_][\w.-]*?[_.-])(?=[\w-]*\d)[\w-]{4,}$/.exec(name);
  if (!family || family[1].length < 2) return {name};
  const prefix = family[1];
  return {name: `${prefix}*`, match: `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`};
}

/** A cookie's lifetime in words, from its expiry in seconds since 1970. */
export function lifetime(expires: number | undefined, now = Date.now()): string {
  if (expires === undefined) return '';
  if (expires < 0) return 'session';
  const days = Math.round((expires * 1000 - now) / 86_400_000);
  if (days <= 1) return '1 day';
  if (days < 60) return `${days} days`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${Math.round(days / 365.25)} years`;
}

/** A ready-to-paste declaration for the cookies seen but not declared, or `null` when there are none. */
export function declarationDraft(observation: Observation, now = Date.now()): Draft | null {
  const cookies: Partial<Record<Category, DraftItem[]>> = {};
  const page = originOf(observation.pageUrl);
  let any = false;
  for (const cookie of observation.cookies) {
    if (cookie.name === observation.cookieName || declarationOf(observation.declared, cookie.name)) continue;
    const family = nameFamily(cookie.name);
    const known = knownCookie(cookie.name);
    const domain = cookie.domain?.replace(/^\./, '');
    const third = domain && page && !page.endsWith(`//${domain}`) && !page.includes(`.${domain}`);
    const provider = known?.provider ?? (third ? (knownHost(`https://${domain}/`)?.provider ?? domain) : 'this site');
    const category: Category = known?.category ?? 'necessary';
    const items = (cookies[category] ??= []);
    if (items.some((item) => item.name === family.name)) continue;
    any = true;
    items.push({
      ...family,
      provider,
      expires: lifetime(cookie.expires, now),
      purpose: known
        ? PURPOSES[known.category]
        : 'TODO: what it is for; move it to its category if it is not necessary',
    });
  }
  if (!any) return null;
  const ordered: Draft['cookies'] = {};
  for (const category of CATEGORIES) if (cookies[category]) ordered[category] = cookies[category];
  return {cookies: ordered};
}

/** The drafts of several looks at a page as one (the first item of each name kept). */
export function mergeDrafts(drafts: readonly (Draft | null)[]): Draft | null {
  const cookies: Draft['cookies'] = {};
  for (const category of CATEGORIES) {
    for (const item of drafts.flatMap((draft) => draft?.cookies[category] ?? [])) {
      const items = (cookies[category] ??= []);
      if (!items.some((other) => other.name === item.name)) items.push(item);
    }
  }
  return Object.keys(cookies).length > 0 ? {cookies} : null;
}

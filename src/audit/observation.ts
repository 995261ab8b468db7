/**
 * What the audit observes on a page, and what it finds: plain data, the same in the browser and in
 * the command-line audit. No DOM here.
 */
import type {Category} from '../core/decision.js';

/** When a look was taken: before any decision, after a refusal, or after consent to some or all. */
export type Phase = 'before-consent' | 'after-refusal' | 'after-consent';

export interface ObservedCookie {
  name: string;
  /** The cookie's domain, when known (the command-line audit knows it). */
  domain?: string;
  /** Seconds since 1970; absent or negative for a session cookie or when unknown. */
  expires?: number;
}

export interface ObservedStorage {
  type: 'localStorage' | 'sessionStorage';
  name: string;
}

export interface ObservedRequest {
  url: string;
  /** `script`, `img`, `iframe`, `fetch`… (Resource Timing's `initiatorType`), or the script that asked, when known. */
  initiator?: string;
}

/** A script, iframe or image of the page with a source, and whether it is gated (`data-cookie-consent`). */
export interface ObservedElement {
  tag: 'script' | 'iframe' | 'img';
  src: string;
  gated: boolean;
}

/** One item of the site's declaration, with its `match` as the pattern's source. */
export interface DeclaredEntry {
  category: Category;
  name: string;
  match?: string;
  type: string;
}

/** A measured colour pair of the banner or panel. */
export interface ContrastCheck {
  scheme: 'light' | 'dark';
  surface: 'banner' | 'panel';
  /** The part measured, e.g. `accept` or `message`. */
  part: string;
  /** What is measured: `text`, `fill` (a button against the surface) or `border`. */
  aspect: 'text' | 'fill' | 'border';
  ratio: number;
  minimum: number;
  foreground: string;
  background: string;
}

export interface Observation {
  phase: Phase;
  pageUrl: string;
  /** Whether the page has a `<cookie-consent>`; without one, everything before consent counts. */
  hasElement: boolean;
  /** The decision cookie's name. */
  cookieName: string;
  /** The optional categories offered. */
  offered: string[];
  /** The categories allowed now (`necessary`, what is granted or exempt). */
  allowed: string[];
  declared: DeclaredEntry[];
  cookies: ObservedCookie[];
  storage: ObservedStorage[];
  /** Requests made in this phase (all of them before any decision). */
  requests: ObservedRequest[];
  /** Elements of the page added in this phase (all of them before any decision). */
  elements: ObservedElement[];
  /** `window.dataLayer`'s entries as arrays of their first two arguments (a `{event}` object as `['event', name]`). */
  dataLayer?: string[][];
  contrast?: ContrastCheck[];
}

export type FindingKind =
  | 'cookie'
  | 'storage'
  | 'request'
  | 'script'
  | 'tracker'
  | 'consent-mode-order'
  | 'undeclared'
  | 'unseen'
  | 'not-offered'
  | 'contrast'
  | 'no-element';

export interface Finding {
  kind: FindingKind;
  /** `leak`: something non-essential happens without consent; `warning`: to check; `info`. */
  severity: 'leak' | 'warning' | 'info';
  phase: Phase;
  /** What it is about: a cookie's or key's name, a URL, a part. */
  subject: string;
  /** The category it most likely belongs to, when known. */
  category: string;
  message: string;
  /** The change that fixes it, when there is one. */
  fix: string;
}

/** A ready-to-paste declaration item for an undeclared cookie. */
export interface DraftItem {
  name: string;
  match?: string;
  provider: string;
  expires: string;
  purpose: string;
}

export type Draft = {cookies: Partial<Record<Category, DraftItem[]>>};

export interface AuditReport {
  page: string;
  phase: Phase;
  findings: Finding[];
  /** The declaration draft for cookies seen but not declared, or `null` when there are none. */
  draft: Draft | null;
}

/** A regular expression matching `name` (or a name with `*` standing for any characters). */
export function declaredPattern(entry: DeclaredEntry): (name: string) => boolean {
  let match: RegExp | undefined;
  try {
    match = entry.match === undefined ? undefined : new RegExp(entry.match);
  } catch {
    match = undefined;
  }
  return (name) => name === entry.name || (match?.test(name) ?? false);
}

/** The declaration item covering a cookie's or key's name, if any. */
export function declarationOf(
  declared: readonly DeclaredEntry[],
  name: string,
  type = 'cookie'
): DeclaredEntry | undefined {
  return declared.find((entry) => entry.type === type && declaredPattern(entry)(name));
}

export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The items of a `<cookie-consent>` JSON block, for the command-line audit, which reads the block's
 * text. Lenient: anything malformed is left out (the library warns about it in the page).
 */
export function parseDeclared(json: string | null | undefined): DeclaredEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(json ?? '');
  } catch {
    return [];
  }
  const cookies = (data as {cookies?: unknown} | null)?.cookies;
  if (typeof cookies !== 'object' || cookies === null) return [];
  return Object.entries(cookies).flatMap(([category, items]) =>
    (Array.isArray(items) ? items : [])
      .filter((item): item is Record<string, unknown> => typeof item?.name === 'string')
      .map((item) => ({
        category: category as Category,
        name: item.name as string,
        type: typeof item.type === 'string' ? item.type : 'cookie',
        ...(typeof item.match === 'string' ? {match: item.match} : {}),
      }))
  );
}

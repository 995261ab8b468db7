/**
 * The site's own texts in the language shown: `texts` in its JSON configuration, by locale and then
 * by text key (`text-keys.ts`), any subset, English included, and any language we do not ship.
 * Locale keys match like the shipped locales (`sr-Latn-RS` uses `sr-Latn`). Where the site gives
 * no valid text, ours is shown.
 */
import {siteConfigChunk} from '../core/config-source.js';
import {warn} from '../core/log.js';
import {hasConfig} from '../core/options.js';
import {session} from '../core/session.js';
import {matchLocale, SOURCE_LOCALE} from './locale.js';
import type {SiteTexts, TextKey} from '../core/text-keys.js';

/** The site's texts in the language shown now (one per page, as lit-localize's locale). */
let shown: ReadonlyMap<string, string> | undefined;

/** The site's text for `key` in the language shown, its `{name}`s filled from `values`; else ours. */
export function text(key: TextKey, ours: string, values: Record<string, string> = {}): string {
  const theirs = shown?.get(key);
  if (theirs === undefined) return ours;
  return theirs.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

/** A gate's `name` as the site gave it for the language shown (key `gate.name:` and the name), else as written. */
export function gateName(name: string): string {
  return shown?.get(`gate.name:${name}`) ?? name;
}

/**
 * The page's configuration while it is still on its way (the module that reads it, which the core
 * started fetching beside the UI): starts it if need be, and resolves once it is here and `loaded`
 * has been called. `undefined` when there is nothing to wait for.
 */
export function configPending(loaded: () => void): Promise<void> | undefined {
  const host = session.host;
  if (!host || !hasConfig(host) || siteConfigChunk.get() || unavailable) return undefined;
  return siteConfigChunk.load().then(loaded, (error: unknown) => {
    if (!unavailable)
      warn("could not load the code that reads the site's configuration; showing our own texts.", error);
    unavailable = true;
    loaded();
  });
}

/** The module that reads the configuration could not be loaded: our texts are shown, without waiting again. */
let unavailable = false;

/**
 * The language to show, from the tags asked for (page, then browser) and the locales we ship:
 * `locale` for lit-localize, and `siteOnly` when the site's texts are in a language we do not
 * ship. Makes the site's texts in that language the ones `text()` gives.
 */
export function chooseLocale(tags: readonly string[], shipped: readonly string[]): {locale: string; siteOnly?: string} {
  const host = session.host;
  const ours = (locale: string) => !!matchLocale([locale], shipped, '');
  const texts: SiteTexts = (host && siteConfigChunk.get()?.siteTexts(host, ours)) || new Map();
  const languages = [...texts.keys()];
  // The tag that decides: the first the library or the site speaks.
  const tag = tags.find((candidate) => matchLocale([candidate], [...shipped, ...languages], '')) ?? SOURCE_LOCALE;
  const theirs = matchLocale([tag], languages, '');
  shown = texts.get(theirs);
  const mine = matchLocale([tag], shipped, '');
  return mine ? {locale: mine} : {locale: matchLocale(tags, shipped), siteOnly: theirs};
}

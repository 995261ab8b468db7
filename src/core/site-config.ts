/**
 * The site's JSON configuration: the block inside `<cookie-consent>` and, with `src`, a file of
 * the site's own origin shared by every page. Where both declare a category's cookies, or give a
 * locale's texts, the inline block wins (key by key for texts). A lazy module, loaded with the UI,
 * the gate and declaration, or withdrawal: a page that needs none of them never loads it.
 */
import {configChanges, configText} from './config-source.js';
import {emptyDeclarations, parseDeclarations, type Declarations} from './declarations.js';
import {warn} from './log.js';
import {JSON_BLOCK} from './options.js';
import {checkTexts, type SiteTexts} from './text-keys.js';

export interface SiteConfig {
  declarations: Declarations;
  /** `texts` as given: locale, then text key (checked by `siteTexts()`, looked up by `i18n/site-texts.ts`). */
  texts: Record<string, unknown>;
}

/** Each `src` file: `done` once it has arrived (`text`) or could not be used (`text` null). */
interface SourceFile {
  done: Promise<void>;
  text?: string | null;
}
const files = new Map<string, SourceFile>();
const parsed = new WeakMap<Element, {inline?: string; file?: string | null; config: SiteConfig}>();

/** The configuration of this `<cookie-consent>` now: its inline block, with its `src` file once that has arrived. */
export function siteConfig(host: Element): SiteConfig {
  const inline = host.querySelector(JSON_BLOCK)?.textContent ?? undefined;
  const src = host.getAttribute('src');
  const file = src ? load(src).text : undefined;
  let entry = parsed.get(host);
  if (!entry || entry.inline !== inline || entry.file !== file) {
    entry = {
      inline,
      file,
      config: merge(parse(file, `src="${src}"`), parse(inline, 'the JSON block inside <cookie-consent>')),
    };
    parsed.set(host, entry);
  }
  return entry.config;
}

/** The configuration once the `src` file, if any, has arrived or failed. */
export async function loadedSiteConfig(host: Element): Promise<SiteConfig> {
  const src = host.getAttribute('src');
  if (src) await load(src).done;
  return siteConfig(host);
}

/** The site's valid texts by locale, checked (and warned about) once per configuration. */
export function siteTexts(host: Element, shipped: (locale: string) => boolean): SiteTexts {
  const {texts} = siteConfig(host);
  let valid = checked.get(texts);
  if (!valid) checked.set(texts, (valid = checkTexts(texts, shipped)));
  return valid;
}

const checked = new WeakMap<object, SiteTexts>();

/** What the site declares: the `cookies` of the configuration now. */
export function declarationsOf(host: Element): Declarations {
  return siteConfig(host).declarations;
}

/** The `src` file, fetched (by the core, once) and reported on the first time it is asked for. */
function load(src: string): SourceFile {
  const known = files.get(src);
  if (known) return known;
  const loaded: SourceFile = {done: Promise.resolve()};
  loaded.done = configText(src)
    .then(
      (text) => void (loaded.text = text),
      (error: unknown) => {
        loaded.text = null;
        let sameOrigin = false;
        try {
          sameOrigin = new URL(src, document.baseURI).origin === location.origin;
        } catch {
          // Not a URL at all: the warning below says so.
        }
        warn(
          sameOrigin
            ? `could not load src="${src}"; only the JSON block inside <cookie-consent>, if any, is used.`
            : `src="${src}" is not a URL of this site's own origin; it is not loaded.`,
          error
        );
      }
    )
    .then(() => void configChanges.dispatchEvent(new Event('change')));
  files.set(src, loaded);
  return loaded;
}

interface Parsed {
  declarations: Partial<Declarations>;
  texts: Record<string, unknown>;
}

/** Each source parsed once per text, so that what is wrong in it is warned about once. */
const sources = new Map<string, Parsed>();

/** One source of configuration: a JSON object with `cookies` and `texts`, each optional. */
function parse(json: string | null | undefined, where: string): Parsed {
  if (json == null) return {declarations: {}, texts: {}};
  const key = `${where}\n${json}`;
  let parsed = sources.get(key);
  if (!parsed) sources.set(key, (parsed = parseSource(json, where)));
  return parsed;
}

function parseSource(json: string, where: string): Parsed {
  const none: Parsed = {declarations: {}, texts: {}};
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    warn(`${where} is not valid JSON; it is ignored.`, error);
    return none;
  }
  if (!isObject(data)) {
    warn(`${where} is not a JSON object such as {"cookies": {...}, "texts": {...}}; it is ignored.`);
    return none;
  }
  for (const key of Object.keys(data)) {
    if (key !== 'cookies' && key !== 'texts') warn(`${where} has the unknown key "${key}"; use "cookies" and "texts".`);
  }
  const declarations = parseDeclarations(data.cookies, where);
  const texts = data.texts ?? {};
  if (isObject(texts)) return {declarations, texts};
  warn(`"texts" in ${where} is not an object of locales, such as {"en": {"message": "..."}}; it is ignored.`);
  return {declarations, texts: {}};
}

function merge(file: Parsed, inline: Parsed): SiteConfig {
  // A Map, so that a locale named "__proto__" is a locale like any other.
  const texts = new Map(Object.entries(file.texts));
  for (const [locale, given] of Object.entries(inline.texts)) {
    const shared = texts.get(locale);
    texts.set(locale, isObject(shared) && isObject(given) ? {...shared, ...given} : given);
  }
  return {
    declarations: {...emptyDeclarations(), ...file.declarations, ...inline.declarations},
    texts: Object.fromEntries(texts),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

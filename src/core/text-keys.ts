/**
 * The keys of the site's own texts, and the check of `texts` in its JSON configuration: an unknown
 * key, a value that is not a text, a tag that is not a language, and a key missing from a language
 * we do not ship each warn once, and our own text is shown instead. Loaded with the configuration
 * (`site-config.ts`), only by pages that have one; the UI looks texts up in `i18n/site-texts.ts`. The README lists every key.
 */
import {warn} from './log.js';

/** Every text a visitor can see, by key. */
export const TEXT_KEYS = [
  'title',
  'message',
  'policyLink',
  'accept',
  'reject',
  'preferences',
  'purposes',
  'purpose.performance',
  'purpose.functionality',
  'purpose.targeting',
  'exempt',
  'exemptNote',
  'status.acceptAll',
  'status.rejectAll',
  'status.saved',
  'panel.title',
  'panel.close',
  'panel.intro',
  'panel.gpcNote',
  'panel.acceptAll',
  'panel.rejectAll',
  'panel.save',
  'panel.receipt',
  'alwaysOn',
  'necessary.name',
  'necessary.description',
  'necessary.cookies',
  'performance.name',
  'performance.description',
  'performance.cookies',
  'functionality.name',
  'functionality.description',
  'functionality.cookies',
  'targeting.name',
  'targeting.description',
  'targeting.cookies',
  'gate.message',
  'gate.messageNamed',
  'gate.unavailable',
  'gate.once',
  'gate.allow.performance',
  'gate.allow.functionality',
  'gate.allow.targeting',
  'declaration.change',
  'declaration.currentSetting',
  'declaration.undecided',
  'declaration.allowed',
  'declaration.notAllowed',
  'declaration.none',
  'declaration.name',
  'declaration.provider',
  'declaration.purpose',
  'declaration.expiry',
  'declaration.ownCookie',
  'declaration.localStorage',
  'declaration.sessionStorage',
] as const;

export type TextKey = (typeof TEXT_KEYS)[number];

/** `gate.name:` then a gate's `name`: that name as this language's sentence needs it. */
export const GATE_NAME = 'gate.name:';
const KNOWN = new Set<string>(TEXT_KEYS);

/** The site's valid texts, by canonical locale then key. */
export type SiteTexts = ReadonlyMap<string, ReadonlyMap<string, string>>;

const warned = new Set<string>();

/** `shipped` tells whether a locale is one of ours (or falls back to one), whose gaps our texts fill. */
export function checkTexts(raw: Record<string, unknown>, shipped: (locale: string) => boolean): SiteTexts {
  const byLocale = new Map<string, ReadonlyMap<string, string>>();
  for (const [tag, given] of Object.entries(raw)) {
    let locale: string;
    try {
      [locale] = Intl.getCanonicalLocales(tag);
    } catch {
      warnOnce(`"texts" has "${tag}", which is not a language tag such as "en" or "sr-Latn"; it is ignored.`);
      continue;
    }
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      warnOnce(`"texts.${tag}" is not an object of texts by key, such as {"message": "..."}; it is ignored.`);
      continue;
    }
    const texts = new Map<string, string>();
    for (const [key, value] of Object.entries(given as Record<string, unknown>)) {
      if (!KNOWN.has(key) && !key.startsWith(GATE_NAME)) {
        warnOnce(`"texts.${tag}" has the unknown key "${key}" (the README lists the keys); it is ignored.`);
      } else if (typeof value !== 'string' || value.trim() === '') {
        warnOnce(`"texts.${tag}.${key}" is not a text; ours is shown instead.`);
      } else texts.set(key, value);
    }
    const missing = TEXT_KEYS.filter((key) => !texts.has(key));
    if (!shipped(locale) && missing.length > 0) {
      warnOnce(
        `"texts.${tag}" is a language this library does not ship, so it needs every text; ours are shown for the missing ${missing.join(', ')}.`
      );
    }
    byLocale.set(locale, texts);
  }
  return byLocale;
}

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  warn(message);
}

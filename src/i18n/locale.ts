/** Picks the UI language from what the page and the browser ask for and what the library ships. */

export const SOURCE_LOCALE = 'en';

/**
 * Tags whose shorter form is not what we ship: regions that imply a script (`zh-TW` is written in
 * Traditional characters), a language's default script (`sr` is Cyrillic), a macrolanguage (`no`).
 * A Map, so that a tag such as `constructor` finds nothing on a prototype.
 */
const ALIASES = new Map([
  ['zh-tw', 'zh-Hant'],
  ['zh-hk', 'zh-Hant'],
  ['zh-mo', 'zh-Hant'],
  ['zh-cn', 'zh-Hans'],
  ['zh-sg', 'zh-Hans'],
  ['zh', 'zh-Hans'],
  ['sr', 'sr-Cyrl'],
  ['no', 'nb'],
]);

/**
 * The first requested tag that has an available locale, trying each tag and then its shorter
 * forms (`sr-Latn-RS`, `sr-Latn`, `sr`); `fallback` when none has. Matching ignores case; the
 * available spelling is returned.
 */
export function matchLocale(
  requested: readonly string[],
  available: readonly string[],
  fallback = SOURCE_LOCALE
): string {
  const byLowerCase = new Map(available.map((locale) => [locale.toLowerCase(), locale]));
  for (const tag of requested) {
    let candidate = tag.trim().replace(/_/g, '-').toLowerCase();
    while (candidate) {
      const found = byLowerCase.get(candidate) ?? byLowerCase.get(ALIASES.get(candidate)?.toLowerCase() ?? '');
      if (found) return found;
      const cut = candidate.lastIndexOf('-');
      candidate = cut > 0 ? candidate.slice(0, cut) : '';
    }
  }
  return fallback;
}

/** The `lang` attribute of the element, else the closest `lang` of the page, else the browser's languages. */
export function requestedLocales(element: Element): string[] {
  const own = element.closest('[lang]')?.getAttribute('lang');
  return [own ?? '', ...navigator.languages].filter(Boolean);
}

/** Scripts written right to left, for browsers that cannot tell a locale's direction themselves. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);
/** The usual script of languages written right to left, where the tag names none. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug', 'yi', 'dv', 'ku', 'syr', 'arc']);

/**
 * Whether a locale is written right to left: from the browser's locale data (`Intl.Locale` text
 * info), else from the locale's script, else from its language. An unusable tag is left to right.
 */
export function direction(locale: string): 'rtl' | 'ltr' {
  try {
    const intl = new Intl.Locale(locale) as Intl.Locale & {
      getTextInfo?: () => {direction?: string};
      textInfo?: {direction?: string};
    };
    const info = intl.getTextInfo?.() ?? intl.textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
    const script = intl.maximize().script;
    if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    return RTL_LANGUAGES.has(intl.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

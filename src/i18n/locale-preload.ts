/**
 * The list of shipped locales, kept out of the core so that the core does not grow with each
 * locale added. The core loads this small chunk beside the UI and calls `preloadLocale()`, so the
 * visitor's translations and lit-localize's runtime are fetched while the UI itself downloads,
 * not after it.
 */
import {localeLoaders} from '../generated/locale-loaders.js';
import {sourceLocale} from '../generated/locale-codes.js';
import {matchLocale, requestedLocales} from './locale.js';

export function availableLocales(): string[] {
  return [sourceLocale, ...Object.keys(localeLoaders)];
}

/** Starts fetching what the UI of `element` will need to speak the page's language; English needs nothing. */
export function preloadLocale(element: Element): void {
  const locale = matchLocale(requestedLocales(element), availableLocales());
  if (locale === sourceLocale) return;
  // Failures are reported when the UI asks for the locale itself.
  void localeLoaders[locale]().catch(() => undefined);
  void import('@lit/localize/init/runtime.js').catch(() => undefined);
}

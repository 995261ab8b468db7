/**
 * Localization: which language the UI speaks, loading it, and keeping every element in step.
 *
 * `@lit/localize` runs in runtime mode and can be configured once per copy of the library. The
 * script-tag bundle carries its own copy, so it always configures its own. An app that imports the
 * npm modules and configures lit-localize itself keeps its own set-up: our messages then follow
 * the app's locale (see the README, "Languages").
 *
 * English, the source locale, needs none of this: `msg()` returns its own text until a runtime is
 * configured. So the runtime is a lazy chunk, fetched with the first translation a page asks for.
 */
import type {configureLocalization} from '@lit/localize';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {localeLoaders} from '../generated/locale-loaders.js';
import {sourceLocale} from '../generated/locale-codes.js';
import {direction, requestedLocales} from './locale.js';
import {availableLocales} from './locale-preload.js';
import {chooseLocale, configPending} from './site-texts.js';
import {warn} from '../core/log.js';
import {session} from '../core/session.js';
import {configChanges} from '../core/config-source.js';

// What our elements use of lit-localize, from its own modules: the package's index also re-exports
// the runtime, which must stay out of the bundle and the panel (see `runtime()`).
export {msg} from '@lit/localize/init/install.js';
export {str} from '@lit/localize/internal/str-tag.js';
import {LOCALE_STATUS_EVENT} from '@lit/localize/internal/locale-status-event.js';

type Localization = ReturnType<typeof configureLocalization>;

/** Our runtime once configured, `null` when the page's app configured lit-localize first. */
let localization: Localization | null | undefined;
let configuring: Promise<Localization | null> | undefined;
const failed = new Set<string>();

/** Loads and configures our lit-localize runtime, once. */
function runtime(): Promise<Localization | null> {
  configuring ??= configure();
  return configuring;
}

async function configure(): Promise<Localization | null> {
  const lit = await import('@lit/localize/init/runtime.js');
  try {
    localization = lit.configureLocalization({
      sourceLocale,
      targetLocales: Object.keys(localeLoaders),
      loadLocale: (locale) => localeLoaders[locale](),
    });
  } catch {
    localization = null;
  }
  return localization;
}

/** The locale the UI shows now. */
export function activeLocale(): string {
  return localization?.getLocale() ?? sourceLocale;
}

let pending: {locale: string; done: Promise<void>; settled: boolean} | undefined;

/** Shows the UI in `locale`; if its file (or the runtime) cannot be loaded, English stays, with one warning. */
function switchTo(locale: string): Promise<void> {
  if (localization === null || failed.has(locale) || activeLocale() === locale) return Promise.resolve();
  if (pending?.locale === locale && !pending.settled) return pending.done;
  // Fetch the translations alongside the runtime, not after it.
  if (Object.hasOwn(localeLoaders, locale)) void localeLoaders[locale]().catch(() => undefined);
  const fail = (error: unknown) => {
    failed.add(locale);
    warn(`could not load the "${locale}" translations; showing English.`, error);
  };
  const done = runtime()
    .then((lit) => {
      if (!lit || lit.getLocale() === locale) return;
      return lit.setLocale(locale).catch((error: unknown) => {
        fail(error);
        return lit.setLocale(sourceLocale);
      });
    }, fail)
    .finally(() => {
      if (pending?.locale === locale) pending.settled = true;
    });
  pending = {locale, done, settled: false};
  return done;
}

/**
 * Follows the language the page's elements speak: that of its `<cookie-consent>` (or of this
 * element when there is none), which is its `lang`, else the closest `lang` of the page, else the
 * browser's. Loads that locale when it changes (also when `<html lang>` changes) and
 * tells the host, through `ready`, whether it may render text yet, so there is no flash of English.
 */
export class LocaleController implements ReactiveController {
  /** The locale the host asked for, matched against what ships. */
  requested = sourceLocale;
  /** A language the site gave texts in and we do not ship: the one shown (ours fill its gaps). */
  private siteOnly?: string;
  /** The site has a configuration, whose module is still on its way: its texts are not known yet. */
  private configLoading?: Promise<void>;
  /** The last locale this controller switched to, so it asks once per change, not on every update. */
  private switched?: string;
  private readonly observer = new MutationObserver(() => this.host.requestUpdate());

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /**
   * True once the UI text is in the requested locale, or English because that locale failed or is
   * not ours to set, or once this controller's switch is done even if another element's request
   * took the shared locale elsewhere (so two languages on one page settle instead of looping).
   */
  get ready(): boolean {
    if (this.configLoading) return false;
    return (
      localization === null ||
      failed.has(this.requested) ||
      activeLocale() === this.requested ||
      (this.switched === this.requested && pending?.settled === true)
    );
  }

  /** Resolves once the site's configuration, if the page has one, can be shown (its host then updates again). */
  get configured(): Promise<void> {
    return this.configLoading ?? Promise.resolve();
  }

  /** `lang` and `dir` for the host's rendered UI: those of the text actually shown. */
  get lang(): string {
    return this.siteOnly ?? activeLocale();
  }

  get dir(): 'rtl' | 'ltr' {
    return direction(this.lang);
  }

  hostConnected(): void {
    this.observer.observe(this.host.ownerDocument.documentElement, {attributes: true, attributeFilter: ['lang']});
    window.addEventListener(LOCALE_STATUS_EVENT, this.onLocaleStatus);
    configChanges.addEventListener('change', this.onConfigChange);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    window.removeEventListener(LOCALE_STATUS_EVENT, this.onLocaleStatus);
    configChanges.removeEventListener('change', this.onConfigChange);
  }

  /** The site's configuration arrived: its texts, maybe a language of its own. */
  private readonly onConfigChange = (): void => this.host.requestUpdate();

  /** A locale loaded elsewhere (an app's own lit-localize set-up, or another element's request): show its texts. */
  private readonly onLocaleStatus = (event: Event): void => {
    if ((event as CustomEvent<{status: string}>).detail.status === 'ready') this.host.requestUpdate();
  };

  /** Asks for the host's locale now (as an update does) and resolves once it is shown, or has failed. */
  load(): Promise<void> {
    this.hostUpdate();
    return this.ready ? Promise.resolve() : switchTo(this.requested);
  }

  hostUpdate(): void {
    // One language per page: every element follows <cookie-consent> when there is one.
    const leader = this.host.ownerDocument.querySelector('cookie-consent') ?? this.host;
    this.configLoading = configPending(this.onConfigChange);
    const {locale, siteOnly} = chooseLocale(requestedLocales(leader), availableLocales());
    this.requested = locale;
    this.siteOnly = siteOnly;
    session.locale = this.lang;
    if (this.ready || this.switched === this.requested) return;
    this.switched = this.requested;
    void switchTo(this.requested).then(() => this.host.requestUpdate());
  }
}

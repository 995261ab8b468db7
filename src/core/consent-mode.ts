/**
 * Google Consent Mode v2: the consent state Google's tags read from `window.dataLayer`.
 * Entries are pushed as `arguments` objects, the way `gtag()` does, since gtag ignores plain arrays.
 */
import type {Category, Consent} from './store.js';

/** Which of our categories grants each Consent Mode type. */
export const CONSENT_MODE_TYPES: Record<string, Category> = {
  ad_storage: 'targeting',
  ad_user_data: 'targeting',
  ad_personalization: 'targeting',
  analytics_storage: 'performance',
  functionality_storage: 'functionality',
  personalization_storage: 'functionality',
  security_storage: 'necessary',
};

export type ConsentModeState = Record<string, 'granted' | 'denied'>;

export function consentModeState(consent: Consent | null): ConsentModeState {
  const state: ConsentModeState = {};
  for (const [type, category] of Object.entries(CONSENT_MODE_TYPES)) {
    state[type] = category === 'necessary' || consent?.[category] ? 'granted' : 'denied';
  }
  return state;
}

type DataLayerWindow = Window & {dataLayer?: unknown[]};

// gtag's own shape: it pushes its `arguments` object, not an array.
function gtag(...args: unknown[]): void;
function gtag(): void {
  const win = window as DataLayerWindow;
  win.dataLayer = win.dataLayer ?? [];
  // eslint-disable-next-line prefer-rest-params
  win.dataLayer.push(arguments);
}

/** Whether the dataLayer holds a command `args` passes; gtag reads `arguments` objects only, not plain arrays. */
function pushed(test: (args: ArrayLike<unknown>) => boolean): boolean {
  const layer = (window as DataLayerWindow).dataLayer;
  return (
    Array.isArray(layer) &&
    layer.some(
      (entry) =>
        typeof entry === 'object' && entry !== null && !Array.isArray(entry) && test(entry as ArrayLike<unknown>)
    )
  );
}

/** A default for every region: one scoped to a `region` leaves the others to ours. */
const hasDefault = () =>
  pushed((args) => args[0] === 'consent' && args[1] === 'default' && !(args[2] as {region?: unknown})?.region);

/** A `set` command for `name` the page (or `consent-mode.js`) already pushed. */
const hasSet = (name: string) => pushed((args) => args[0] === 'set' && args[1] === name);

/** The element's Consent Mode options (`no-ads-data-redaction`, `url-passthrough`). */
export interface ConsentModeSettings {
  noAdsDataRedaction: boolean;
  urlPassthrough: boolean;
}

/** The dataLayer last given the `set` options: once each, before the first update. */
let withSettings: unknown;

/**
 * Everything denied but security; skipped when the page (or `consent-mode.js`) already set a
 * default for every region. With `settings`, also the page's `set` options: ad click identifiers
 * redacted while `ad_storage` is denied (unless turned off), and URL passthrough if asked for.
 */
export function pushConsentDefault(settings?: ConsentModeSettings): void {
  if (!hasDefault()) gtag('consent', 'default', {...consentModeState(null), wait_for_update: 500});
  const layer = (window as DataLayerWindow).dataLayer!;
  if (!settings || withSettings === layer) return;
  withSettings = layer;
  if (!settings.noAdsDataRedaction && !hasSet('ads_data_redaction')) gtag('set', 'ads_data_redaction', true);
  if (settings.urlPassthrough && !hasSet('url_passthrough')) gtag('set', 'url_passthrough', true);
}

export function pushConsentUpdate(consent: Consent): void {
  gtag('consent', 'update', consentModeState(consent));
}

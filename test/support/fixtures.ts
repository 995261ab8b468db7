/** Pages the element tests build: `<cookie-consent>` fixtures, the decision cookie, gated scripts. */
import {fixture} from '@open-wc/testing';
import type {CookieConsent} from '../../src/cookie-consent.js';
import {harness} from './harness.js';

/** A `<cookie-consent>` with `attributes`, rendered, its entry animations ended so that positions can be measured. */
export async function consentFixture(attributes = 'policy-url="/cookies.html"'): Promise<CookieConsent> {
  const el = await fixture<CookieConsent>(`<cookie-consent ${attributes}></cookie-consent>`);
  await el.updateComplete;
  harness(el).finishAnimations();
  return el;
}

/** A JSON block declaring cookies and storage keys for performance and targeting. */
export const DECLARATION = `
  <script type="application/json">
    {"cookies": {
      "performance": [
        {"name": "_stats", "match": "^_stats_", "provider": "Stats", "purpose": "Counts visits", "expires": "1 year"},
        {"name": "stats_queue", "type": "localStorage"}
      ],
      "targeting": [{"name": "_ads"}, {"name": "ads_session", "type": "sessionStorage"}]
    }}
  </script>`;

/** A `<cookie-consent>` with `attributes` and the DECLARATION block, rendered. */
export async function declaredFixture(attributes = ''): Promise<CookieConsent> {
  const el = await fixture<CookieConsent>(`<cookie-consent ${attributes}>${DECLARATION}</cookie-consent>`);
  await el.updateComplete;
  return el;
}

/** The stored decision record of the cookie `name`, parsed; undefined when there is no such cookie. */
export function storedCookie(name = 'cookie_consent') {
  const raw = document.cookie
    .split('; ')
    .find((entry) => entry.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  return raw === undefined ? undefined : JSON.parse(decodeURIComponent(raw));
}

/** Sets the Global Privacy Control signal the page sees; `undefined` is a browser without it. */
export function setGpc(value: boolean | undefined): void {
  Object.defineProperty(navigator, 'globalPrivacyControl', {value, configurable: true});
}

type RunWindow = Window & {runs?: string[]};

/** What the gated scripts of a test ran, in order (`window.runs`). */
export const runs = (): string[] => ((window as RunWindow).runs ??= []);

/** Empties `window.runs`, for the next test. */
export function resetRuns(): void {
  (window as RunWindow).runs = [];
}

/** A script gated on `category`: inline `code`, or loaded from `src`. */
export function gatedScript(category: string, code: string, src?: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.cookieConsent = category;
  if (src) script.src = src;
  else script.text = code;
  return script;
}

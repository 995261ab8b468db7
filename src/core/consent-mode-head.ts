/**
 * `dist/consent-mode.js`: a tiny classic script for `<head>`, placed before an ungated Google tag.
 * It pushes Consent Mode's default (everything denied but security) and, for a returning visitor,
 * the update from the stored decision, synchronously, before the tag reads them. Give it the same
 * settings as `<cookie-consent>`:
 *
 *   <script src="/dist/consent-mode.js" data-cookie-name="cookie_consent" data-revision="1" data-expires-days="182"
 *     data-categories="performance functionality targeting"></script>
 *
 * With `data-ignore-gpc`, a Global Privacy Control signal is ignored, as with the element's `ignore-gpc`;
 * `data-exempt` is the element's `exempt` (UK only): those categories are granted until a decision;
 * `data-no-ads-data-redaction` and `data-url-passthrough` are the element's attributes of those names.
 * Written small on purpose, without the store: it accepts exactly what `parseDecision` accepts
 * (test/consent-mode-head.test.ts checks that on thousands of generated values).
 */
import {CONSENT_MODE_TYPES} from './consent-mode.js';

const DAY = 864e5;
const settings = document.currentScript?.dataset ?? {};
const cookieName = settings.cookieName || 'cookie_consent';
const days = Number(settings.expiresDays);
// Like the element's `categories`: a stored category the site does not offer is not granted.
const offered = (settings.categories ?? 'performance functionality targeting').split(/\s+/);
// Like the element's `ignore-gpc`: under the signal, only a targeting grant made under it counts.
const gpc =
  (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true &&
  !('ignoreGpc' in settings);
const layer: unknown[] = ((window as Window & {dataLayer?: unknown[]}).dataLayer ??= []);

function gtag(...args: unknown[]): void;
function gtag(): void {
  // eslint-disable-next-line prefer-rest-params
  layer.push(arguments);
}

function state(granted: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [type, category] of Object.entries(CONSENT_MODE_TYPES)) {
    result[type] = category === 'necessary' || granted.includes(category) ? 'granted' : 'denied';
  }
  return result;
}

gtag('consent', 'default', {...state([]), wait_for_update: 500});
// As the element's no-ads-data-redaction and url-passthrough: before the tag, which reads them once.
if (!('noAdsDataRedaction' in settings)) gtag('set', 'ads_data_redaction', true);
if ('urlPassthrough' in settings) gtag('set', 'url_passthrough', true);
// Undecided: the categories the site may use without consent, as the element grants them (not under GPC).
let decided = 0;
let granted: string[] = gpc
  ? []
  : (settings.exempt ?? '')
      .split(/\s+/)
      .filter((category) => /^(performance|functionality)$/.test(category) && offered.includes(category));
try {
  const raw = decodeURIComponent(
    document.cookie
      .split('; ')
      .find((cookie) => cookie.startsWith(`${cookieName}=`))!
      .slice(cookieName.length + 1)
  );
  const stored = JSON.parse(raw);
  const {at, v, granted: list} = stored;
  // Format 2 has `gpc`, format 1 none (false); any other format gives 0, not a boolean: refused below.
  const own = v === 2 ? stored.gpc : v !== 1 && 0;
  const now = Date.now();
  if (
    raw.length <= 512 &&
    String(Object.keys(stored).sort()) === `at,${v === 2 ? 'gpc,' : ''}granted,id,rev,v` &&
    stored.rev === (settings.revision || '1') &&
    Number.isSafeInteger(at) &&
    at >= 0 &&
    at <= now + DAY &&
    now - at <= (isFinite(days) && days > 0 ? Math.min(days, 400) : 182) * DAY &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(stored.id) &&
    Array.isArray(list) &&
    list.every(
      (category: unknown, index: number) =>
        ['performance', 'functionality', 'targeting'].includes(category as string) && list.indexOf(category) === index
    ) &&
    own === !!own &&
    (!own || list.includes('targeting'))
  ) {
    granted = list.filter(
      (category: string) => offered.includes(category) && (category !== 'targeting' || !gpc || own)
    );
    decided = 1;
  }
} catch {
  // No cookie, or one that is not ours: no decision, and the banner will ask.
}
// A stored decision, refusals included, or what is exempt while undecided.
if (decided || granted[0]) gtag('consent', 'update', state(granted));

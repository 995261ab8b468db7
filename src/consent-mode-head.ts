/**
 * `dist/consent-mode.js`: a tiny classic script for `<head>`, placed before an ungated Google tag.
 * It pushes Consent Mode's default (everything denied but security) and, for a returning visitor,
 * the update from the stored decision, synchronously, before the tag reads them. It reads the
 * decision exactly as `<cookie-consent>` does; give it the same settings as data attributes:
 *
 *   <script src="/dist/consent-mode.js" data-cookie-name="cookie_consent" data-revision="1" data-expires-days="182"></script>
 */
import {pushConsentDefault, pushConsentUpdate} from './consent-mode.js';
import {DEFAULT_OPTIONS, parseDecision} from './store.js';

const settings = document.currentScript?.dataset ?? {};
const name = settings.cookieName || DEFAULT_OPTIONS.cookieName;
pushConsentDefault();
const raw = document.cookie
  .split('; ')
  .find((cookie) => cookie.startsWith(`${name}=`))
  ?.slice(name.length + 1);
if (raw) {
  try {
    const decision = parseDecision(decodeURIComponent(raw), {
      revision: settings.revision || DEFAULT_OPTIONS.revision,
      expiresDays: Number(settings.expiresDays) || DEFAULT_OPTIONS.expiresDays,
      now: Date.now(),
    });
    if (typeof decision === 'object') pushConsentUpdate(decision.consent);
  } catch {
    // A cookie that is not even URL-encoded is no decision; the banner will ask.
  }
}

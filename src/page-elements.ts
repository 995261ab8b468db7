/** The elements a page may place beside `<cookie-consent>`: one lazy chunk of the script-tag bundle. */
export {CookieConsentGate} from './cookie-consent-gate.js';
export {CookieDeclaration} from './cookie-declaration.js';

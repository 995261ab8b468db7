/** The elements a page may place beside `<cookie-consent>`: one lazy chunk of the script-tag bundle. */
export {CookieConsentGate} from './gate.js';
export {CookieDeclaration} from './declaration.js';

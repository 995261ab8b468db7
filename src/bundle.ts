/** Entry of the self-contained script-tag bundle, `dist/cookie-consent.js`. */
import './define.js';

// Notes whether <cookie-consent> is ready for a site's module script that comes after the bundle.
const element = document.querySelector('cookie-consent');
window.upgradedForLaterScripts = typeof element.acceptAll === 'function' && 'consent' in element;

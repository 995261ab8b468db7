// Records every cookie-consent-change event the page receives, for the page-level tests.
window.consentEvents = [];
document.addEventListener('cookie-consent-change', (event) => window.consentEvents.push(event.detail));

// A site's own default for California only, pushed the way gtag() does.
window.dataLayer = window.dataLayer || [];
(function () {
  window.dataLayer.push(arguments);
})('consent', 'default', {ad_storage: 'denied', region: ['US-CA']});

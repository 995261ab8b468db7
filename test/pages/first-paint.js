// Records the agree button's text in the first frame that shows the banner, to catch a flash of English.
window.firstBannerText = null;
function look() {
  const button = document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~="accept"]');
  if (button) window.firstBannerText = button.textContent.trim();
  else requestAnimationFrame(look);
}
requestAnimationFrame(look);

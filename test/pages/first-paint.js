// Records the agree button's text in the first frame that shows the banner, to catch a flash of English.
window.firstBannerText = null;
/** The first element under `root` whose part lists `name`, through nested open shadow roots, in tree order. */
function findPart(root, name) {
  for (const element of root.querySelectorAll('*')) {
    if (element.part && element.part.contains(name)) return element;
    const inner = element.shadowRoot && findPart(element.shadowRoot, name);
    if (inner) return inner;
  }
  return null;
}
function look() {
  const root = document.querySelector('cookie-consent')?.shadowRoot;
  const button = root && findPart(root, 'accept');
  if (button) window.firstBannerText = button.textContent.trim();
  else requestAnimationFrame(look);
}
requestAnimationFrame(look);

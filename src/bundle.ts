/**
 * Entry of the self-contained script-tag bundle, `dist/cookie-consent.js`: the consent core and
 * `<cookie-consent>`. The banner and panel (with Lit) are lazy chunks beside it, loaded when
 * something must be shown; the gate and the declaration are one more, loaded only on pages that
 * use them (found now, or when added later).
 */
import {CookieConsent} from './cookie-consent.js';
import {warn} from './core/log.js';
import {defineElement} from './core/registry.js';

defineElement('cookie-consent', CookieConsent);

const loadPageElements = () => import('./elements/elements.js');
const lazy = new Map<string, () => Promise<CustomElementConstructor>>([
  ['cookie-consent-gate', () => loadPageElements().then((module) => module.CookieConsentGate)],
  ['cookie-declaration', () => loadPageElements().then((module) => module.CookieDeclaration)],
]);

/** Defines the lazy elements that `root` is or holds: the whole document at first, then each added element. */
function defineUsed(root: Element | Document): void {
  for (const [tag, load] of lazy) {
    if (!(root instanceof Element && root.localName === tag) && !root.querySelector(tag)) continue;
    lazy.delete(tag);
    load().then(
      (element) => defineElement(tag, element),
      (error: unknown) => warn(`could not load <${tag}>.`, error)
    );
  }
  if (lazy.size === 0) observer.disconnect();
}

// Only what is added is searched, so a page that never uses them pays little for each change.
const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element && lazy.size > 0) defineUsed(node);
  }
});
observer.observe(document.documentElement, {childList: true, subtree: true});
defineUsed(document);

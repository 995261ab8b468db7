/**
 * Gating: what the page holds back until the visitor consents.
 *
 * - `<script type="text/plain" data-cookie-consent="performance">` (inline or `src`) becomes a real
 *   script once every listed category is granted, in document order like `defer`;
 * - `<iframe>`, `<img>` and other elements with `data-cookie-consent` and `data-src` get their `src`.
 *
 * Elements added later are found by a MutationObserver. Nothing is activated twice.
 */
import {warn} from './log.js';
import {CATEGORIES, NO_CONSENT, OPTIONAL_CATEGORIES, type Category, type Consent} from './store.js';

const SELECTOR = '[data-cookie-consent]';
/** Scripts we created, shared by every Gatekeeper: a new one (a re-mounted element) must not see them as placeholders. */
const activated = new WeakSet<Element>();

/**
 * The nonce of the page's scripts ('' if it uses none), read when the library loads, before the
 * page could be tampered with. Under a nonce CSP only gated scripts that carry it are activated:
 * markup injected into the page cannot know it. The property, as browsers hide the attribute.
 */
export const PAGE_NONCE = [...document.querySelectorAll('script')].find((script) => script.nonce)?.nonce ?? '';

export class Gatekeeper {
  #consent: Consent | null = null;
  readonly #handled = new WeakSet<Element>();
  /** Activations run one after another; an external script holds the next until it loads or fails. */
  #queue: Promise<void> = Promise.resolve();
  #observer?: MutationObserver;

  readonly #root: Document;

  constructor(root: Document) {
    this.#root = root;
  }

  /** Watches for gated elements added later; call `update()` to activate what is allowed. */
  start(): void {
    if (this.#observer) return;
    this.#observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element) this.#scan(node);
        }
      }
    });
    this.#observer.observe(this.#root.documentElement, {childList: true, subtree: true});
  }

  stop(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** Gated scripts wait for `until`; if it fails, they never run on this page (they fail closed). */
  hold(until: Promise<unknown>): void {
    const held = until.then(
      () => undefined,
      () => new Promise<void>(() => undefined)
    );
    this.#queue = this.#queue.then(() => held);
  }

  /** Activates, in document order, every gated element whose categories are all granted (`null`: only `necessary`). */
  update(consent: Consent | null): void {
    this.#consent = consent;
    this.#scan(this.#root.documentElement);
  }

  #scan(root: Element): void {
    const found = root.matches(SELECTOR) ? [root] : [];
    found.push(...root.querySelectorAll(SELECTOR));
    for (const element of found) {
      if (this.#handled.has(element) || activated.has(element) || !this.#allows(element)) continue;
      this.#handled.add(element);
      if (element instanceof HTMLScriptElement) this.#enqueueScript(element);
      else guarded(() => activateSource(element));
    }
  }

  #allows(element: Element): boolean {
    const consent = this.#consent ?? NO_CONSENT;
    const listed = (element.getAttribute('data-cookie-consent') ?? '').split(/\s+/).filter(Boolean);
    // `necessary` alone gates nothing, and activating it would run such markup at once: it is refused.
    if (
      listed.some((name) => !(CATEGORIES as readonly string[]).includes(name)) ||
      !listed.some((name) => name !== 'necessary')
    ) {
      this.#handled.add(element);
      warn(
        `data-cookie-consent="${listed.join(' ')}" needs one or more of ${OPTIONAL_CATEGORIES.join(', ')} (what is necessary needs no gating); the element stays blocked.`,
        element
      );
      return false;
    }
    return listed.every((category) => consent[category as Category]);
  }

  #enqueueScript(placeholder: HTMLScriptElement): void {
    if (placeholder.type !== 'text/plain') {
      warn('a script with data-cookie-consent must have type="text/plain", or it runs before consent.', placeholder);
      return;
    }
    if (placeholder.nonce !== PAGE_NONCE && PAGE_NONCE) {
      warn("a gated script without the page's nonce stays blocked.", placeholder);
      return;
    }
    this.#queue = this.#queue.then(() => {
      // Consent may have been withdrawn while earlier scripts loaded: check again, and let a later grant retry.
      if (!this.#allows(placeholder)) {
        this.#handled.delete(placeholder);
        return;
      }
      return guarded(() => runScript(placeholder));
    });
  }
}

/** The Trusted Types policy pages that enforce them must allow; it passes on code the page itself marked up. */
export const TRUSTED_TYPES_POLICY = 'cookie-consent-elements';

/** Typed as strings: the DOM setters used below take Trusted Types objects in their place. */
interface ScriptPolicy {
  createScript(code: string): string;
  createScriptURL(url: string): string;
}

let policy: ScriptPolicy | null | undefined;

/**
 * Our policy where the browser has Trusted Types, else identity functions. It is kept on the
 * window under `Symbol.for('cookie-consent-elements')`, so that another copy of the library on
 * the page uses it too: under a `trusted-types` allow-list a name can be created only once.
 */
function scriptPolicy(): ScriptPolicy | null {
  if (policy === undefined) {
    const identity: ScriptPolicy = {createScript: (code) => code, createScriptURL: (url) => url};
    try {
      policy = (window as unknown as Record<symbol, ScriptPolicy>)[Symbol.for(TRUSTED_TYPES_POLICY)] ??=
        (window.trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY, identity) as unknown as ScriptPolicy | undefined) ??
        identity;
    } catch (error) {
      policy = null;
      warn(
        `the page's CSP does not allow the Trusted Types policy "${TRUSTED_TYPES_POLICY}"; gated scripts cannot run.`,
        error
      );
    }
  }
  return policy;
}

/** Replaces the placeholder by a real script with the same attributes and code. */
function runScript(placeholder: HTMLScriptElement): Promise<void> {
  const trusted = scriptPolicy();
  if (!placeholder.isConnected || !trusted) return Promise.resolve();
  const script = placeholder.ownerDocument.createElement('script');
  for (const name of placeholder.getAttributeNames()) {
    if (name === 'type' || name === 'data-type') continue;
    const value = placeholder.getAttribute(name)!;
    // Under Trusted Types, src and event handlers only take values a policy vouched for.
    const vouched =
      name === 'src' ? trusted.createScriptURL(value) : name.startsWith('on') ? trusted.createScript(value) : value;
    script.setAttribute(name, vouched);
  }
  const type = placeholder.getAttribute('data-type');
  if (type) script.type = type;
  script.nonce = placeholder.nonce;
  script.async = false;
  activated.add(script);
  const external = placeholder.hasAttribute('src');
  const done = external
    ? new Promise<void>((resolve) => (script.onload = script.onerror = () => resolve()))
    : Promise.resolve();
  if (!external) script.text = trusted.createScript(placeholder.text);
  placeholder.replaceWith(script);
  return done;
}

/** Runs one activation; its failure is warned about and never stops the others or reaches the page. */
async function guarded(activate: () => void | Promise<void>): Promise<void> {
  try {
    await activate();
  } catch (error) {
    warn('could not activate a gated element.', error);
  }
}

function activateSource(element: Element): void {
  const src = element.getAttribute('data-src');
  const srcset = element.getAttribute('data-srcset');
  if (srcset) element.setAttribute('srcset', srcset);
  if (src) element.setAttribute('src', src);
  else if (!srcset) warn('an element with data-cookie-consent has no data-src to load.', element);
}

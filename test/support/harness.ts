/**
 * Reaching inside the elements without knowing how their shadow trees nest. `<cookie-consent>`'s
 * banner and panel may sit in its own shadow root or in nested components inside it; the parts
 * keep their names either way, so tests look them up by part, role or selector through every open
 * shadow root, never with `el.shadowRoot.querySelector`.
 *
 * Works on elements of another window too (a site loaded in an iframe): nothing here uses
 * `instanceof`.
 */
import type {CookieConsent} from '../../src/cookie-consent.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/**
 * Every node under `root` (not `root` itself) in shadow-including tree order: a node, then the
 * open shadow tree of its element, then its children. A host element's shadow tree is searched,
 * and so is its light DOM.
 */
export function* deepNodes(root: Node): Generator<Node> {
  const shadow = isElement(root) ? root.shadowRoot : null;
  if (shadow) yield* deepNodes(shadow);
  for (let child = root.firstChild; child; child = child.nextSibling) {
    yield child;
    yield* deepNodes(child);
  }
}

/** Every element under `root`, through open shadow roots, in shadow-including tree order. */
export function* deepElements(root: Node): Generator<Element> {
  for (const node of deepNodes(root)) if (isElement(node)) yield node;
}

/** The first element under `root` that matches `selector`, through open shadow roots, depth-first in tree order. */
export function deepQuery<T extends Element = HTMLElement>(root: Node, selector: string): T | null {
  for (const element of deepElements(root)) if (element.matches(selector)) return element as T;
  return null;
}

/** Every element under `root` that matches `selector`, through open shadow roots, in tree order. */
export function deepQueryAll<T extends Element = HTMLElement>(root: Node, selector: string): T[] {
  return [...deepElements(root)].filter((element) => element.matches(selector)) as T[];
}

/** The text nodes under `root`, through open shadow roots, in tree order. */
export function deepTextNodes(root: Node): Text[] {
  return [...deepNodes(root)].filter((node): node is Text => node.nodeType === TEXT_NODE);
}

/** `root` if it is a shadow root, then every open shadow root under it, in tree order. */
export function deepShadowRoots(root: Node): ShadowRoot[] {
  const roots = root.nodeType === 11 && (root as ShadowRoot).host ? [root as ShadowRoot] : [];
  for (const element of deepElements(root)) if (element.shadowRoot) roots.push(element.shadowRoot);
  return roots;
}

/** Whether `element`'s `part` attribute lists `name`. */
export function hasPart(element: Element, name: string): boolean {
  return (element.getAttribute('part') ?? '').split(/\s+/).includes(name);
}

/** The element an ID reference of `element` (`aria-describedby`, `for`...) names, looked up in its own tree. */
export function referenced(element: Element, attribute: string): HTMLElement | null {
  const id = element.getAttribute(attribute);
  const root = element.getRootNode() as Document | ShadowRoot;
  return id === null ? null : (root.getElementById(id) as HTMLElement | null);
}

/**
 * What a test sees of an element with a shadow root: its parts, queries, texts, animations and
 * style sheets, searched through its shadow root and every open shadow root nested in it (not its
 * light DOM). Give it a function to follow an element that is replaced, as in a reloaded frame.
 */
export class ShadowHarness<E extends Element = Element> {
  constructor(private readonly target: E | (() => E | null | undefined)) {}

  /** The wrapped element; null when a function finds none (yet). */
  get element(): E | null {
    return (typeof this.target === 'function' ? this.target() : this.target) ?? null;
  }

  /** The element's own shadow root, or null before it has one. */
  get root(): ShadowRoot | null {
    return this.element?.shadowRoot ?? null;
  }

  /** The element's shadow root and every open shadow root nested in it, in tree order. */
  shadowRoots(): ShadowRoot[] {
    const root = this.root;
    return root ? deepShadowRoots(root) : [];
  }

  /** The first element inside that matches `selector`. */
  query<T extends Element = HTMLElement>(selector: string): T | null {
    const root = this.root;
    return root ? deepQuery<T>(root, selector) : null;
  }

  /** Every element inside that matches `selector`. */
  queryAll<T extends Element = HTMLElement>(selector: string): T[] {
    const root = this.root;
    return root ? deepQueryAll<T>(root, selector) : [];
  }

  /** The first element inside whose `part` lists `name`. */
  part<T extends HTMLElement = HTMLElement>(name: string): T | null {
    const root = this.root;
    if (!root) return null;
    for (const element of deepElements(root)) if (hasPart(element, name)) return element as T;
    return null;
  }

  /** Every element inside whose `part` lists `name`. */
  parts<T extends HTMLElement = HTMLElement>(name: string): T[] {
    const root = this.root;
    return root ? ([...deepElements(root)].filter((element) => hasPart(element, name)) as T[]) : [];
  }

  /** Clicks the part `name`; fails if there is none. */
  click(name: string): void {
    const target = this.part(name);
    if (!target) throw new Error(`no part "${name}" in <${this.element?.localName}>`);
    target.click();
  }

  /** The text nodes inside, in tree order. */
  textNodes(): Text[] {
    const root = this.root;
    return root ? deepTextNodes(root) : [];
  }

  /** All the text inside, as `textContent` gives it for one shadow root. */
  get text(): string {
    return this.textNodes()
      .map((node) => node.data)
      .join('');
  }

  /** The deepest focused element inside, or null when focus is elsewhere. */
  get activeElement(): Element | null {
    let active = this.root?.activeElement ?? null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /** The running animations of every shadow root inside. */
  animations(): Animation[] {
    return [...new Set(this.shadowRoots().flatMap((root) => root.getAnimations()))];
  }

  /** Ends every running animation inside at once, so that positions can be measured. */
  finishAnimations(): void {
    for (const animation of this.animations()) animation.finish();
  }

  /** The distinct constructed style sheets adopted by the shadow roots inside. */
  styleSheets(): CSSStyleSheet[] {
    return [...new Set(this.shadowRoots().flatMap((root) => root.adoptedStyleSheets))];
  }

  /**
   * The elements rendered inside, leaving out the hosts of nested shadow roots: those hold what
   * is rendered, and are not content themselves.
   */
  renderedElements(): Element[] {
    const root = this.root;
    return root ? [...deepElements(root)].filter((element) => !element.shadowRoot) : [];
  }
}

/** `<cookie-consent>` seen from a test: the parts of its banner and panel, wherever they are rendered. */
export class ConsentHarness extends ShadowHarness<CookieConsent> {
  /** The banner (`part="banner"`), or null when it is not shown. */
  get banner(): HTMLElement | null {
    return this.part('banner');
  }

  /** The preferences panel's `<dialog>`, or null when it is not rendered. */
  get dialog(): HTMLDialogElement | null {
    return this.query<HTMLDialogElement>('dialog');
  }

  /** The panel's category switches (`role="switch"` inputs), in order. */
  get switches(): HTMLInputElement[] {
    return this.queryAll<HTMLInputElement>('[role=switch]');
  }

  /** The switch of one category, by its id. */
  switch(category: string): HTMLInputElement | null {
    return this.query<HTMLInputElement>(`#switch-${category}`);
  }

  /** The status notice that announces decisions (`role="status"`). */
  get status(): HTMLElement | null {
    return this.query('[role=status]');
  }
}

/** Wraps a `<cookie-consent>` (or a function that finds one, e.g. in a frame) for tests. */
export function harness(target: CookieConsent | (() => CookieConsent | null | undefined)): ConsentHarness {
  return new ConsentHarness(target);
}

/**
 * Registers an element once. Guarded, so a second copy of the bundle on the page, or an element
 * already defined by another copy, is left alone instead of throwing.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

/**
 * Properties that reflect their attributes, as a built-in element's do (the attribute holds the
 * value), for `<cookie-consent>`: a plain custom element, so that a returning visitor loads no Lit.
 */

/** Attribute and default of each reflected property: `false` for a boolean attribute, whose presence is the value; a number default is read as a number. */
export type Attributes = Record<string, readonly [string, string | number | boolean | undefined]>;

/** The attributes to observe, for an element class's `observedAttributes`. */
export function attributeNames(attributes: Attributes): string[] {
  return Object.values(attributes).map(([attribute]) => attribute);
}

/** Defines the accessors of `attributes` on an element class's prototype. */
export function reflect(element: CustomElementConstructor, attributes: Attributes): void {
  for (const [name, [attribute, fallback]] of Object.entries(attributes)) {
    Object.defineProperty(element.prototype, name, {
      get(this: HTMLElement) {
        if (fallback === false) return this.hasAttribute(attribute);
        const value = this.getAttribute(attribute);
        if (value === null) return fallback;
        return typeof fallback === 'number' ? Number(value) : value;
      },
      set(this: HTMLElement, value: unknown) {
        if (fallback === false) this.toggleAttribute(attribute, !!value);
        else if (value == null) this.removeAttribute(attribute);
        else this.setAttribute(attribute, String(value));
      },
    });
  }
}

/** A property set before the element was defined is an own property that hides the accessor: pass it on. */
export function upgradeProperties(element: HTMLElement, attributes: Attributes): void {
  const properties = element as unknown as Record<string, unknown>;
  for (const name of Object.keys(attributes)) {
    if (!Object.prototype.hasOwnProperty.call(element, name)) continue;
    const value = properties[name];
    delete properties[name];
    properties[name] = value;
  }
}

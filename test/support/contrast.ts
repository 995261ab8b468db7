/**
 * WCAG contrast from computed colours, whatever syntax the browser computes them in (`rgb()`,
 * `color(xyz-d65 …)`, `color-mix()`…): a canvas turns each into 8-bit sRGB, as it is shown.
 */

export type Rgba = [number, number, number, number];

let context: CanvasRenderingContext2D | undefined;

/** A CSS colour as sRGB channels (0 to 255) and alpha (0 to 1). */
export function toRgba(color: string): Rgba {
  context ??= document.createElement('canvas').getContext('2d', {willReadFrequently: true})!;
  context.clearRect(0, 0, 1, 1);
  // A colour the canvas cannot parse leaves the black set first, and shows as a failure.
  context.fillStyle = '#000000';
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** The parent of an element, stepping out of shadow roots to their hosts. */
function parentOf(element: Element): Element | null {
  return element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
}

/** `top` painted over the opaque `below`. */
function over(below: Rgba, top: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1) as Rgba;
}

/** The colour behind an element: its own and its ancestors' backgrounds, down to the first opaque one (or white). */
export function backdropOf(element: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const layer = toRgba(getComputedStyle(node).backgroundColor);
    layers.unshift(layer);
    if (layer[3] === 1) break;
  }
  return layers.reduce<Rgba>(over, [255, 255, 255, 1]);
}

function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of a colour (painted over `backdrop` if translucent) against `backdrop`. */
export function contrast(color: string | Rgba, backdrop: Rgba): number {
  const front = over(backdrop, typeof color === 'string' ? toRgba(color) : color);
  const [light, dark] = [luminance(front), luminance(backdrop)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

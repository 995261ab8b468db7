/**
 * Contrast of the banner's and panel's text and buttons, as the site's custom properties make them,
 * in the light and the dark scheme. Each surface is measured on a copy of its rendered markup, with
 * its own stylesheets, in a hidden probe inside `<cookie-consent>`'s shadow root (the page's DOM is
 * not touched): the probe's `theme` attribute picks the scheme. The copy is removed in the same
 * task, so it is never painted.
 */
import type {ContrastCheck} from './observation.js';

/** sRGB channels (0 to 255) and alpha (0 to 1). */
export type Rgba = [number, number, number, number];

let context: CanvasRenderingContext2D | null | undefined;

/**
 * Any computed CSS colour, whatever syntax the browser computes it in (`rgb()`, `color(xyz-d65 …)`,
 * `color-mix()`…), as 8-bit sRGB and alpha, through a canvas (as it is shown). A colour the canvas
 * cannot parse leaves the black set first, and shows as a failure.
 */
export function toRgba(color: string): Rgba {
  context ??= document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  if (!context) return [0, 0, 0, 1];
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = '#000';
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** `top` painted over the opaque `below`. */
const over = (below: Rgba, top: Rgba): Rgba =>
  [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1) as Rgba;

function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of a colour (painted over `backdrop` if translucent) against `backdrop`. */
export function contrast(color: string | Rgba, backdrop: Rgba): number {
  const front = over(backdrop, typeof color === 'string' ? toRgba(color) : color);
  const [light, dark] = [luminance(front), luminance(backdrop)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

const ratio = (front: Rgba, back: Rgba) => Math.round(contrast(front, back) * 100) / 100;

const hex = ([r, g, b]: Rgba) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The parent of an element, stepping out of shadow roots to their hosts. */
function parentOf(element: Element): Element | null {
  return element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
}

/** What is behind an element: its and its ancestors' backgrounds down to the first opaque one, over white. */
export function backdropOf(element: Element | null): Rgba {
  const layers: Rgba[] = [];
  for (let node = element; node; node = parentOf(node)) {
    const layer = toRgba(getComputedStyle(node).backgroundColor);
    layers.unshift(layer);
    if (layer[3] === 1) break;
  }
  return layers.reduce(over, [255, 255, 255, 1] as Rgba);
}

const TEXT_PARTS = ['title', 'message', 'policy-link'];
const PRIMARY_PARTS = ['accept', 'reject', 'accept-all', 'reject-all'];
const SECONDARY_PARTS = ['preferences', 'save'];

/** The checks of one rendered surface (its shadow root's copy), in one scheme. */
function measure(root: ShadowRoot, surface: ContrastCheck['surface'], scheme: ContrastCheck['scheme']) {
  const checks: ContrastCheck[] = [];
  const add = (part: string, aspect: ContrastCheck['aspect'], front: Rgba, back: Rgba, minimum: number) =>
    checks.push({
      scheme,
      surface,
      part,
      aspect,
      ratio: ratio(front, back),
      minimum,
      foreground: hex(over(back, front)),
      background: hex(back),
    });
  const partOf = (name: string) => root.querySelector(`[part~="${name}"]`);
  for (const name of [...TEXT_PARTS, ...(surface === 'panel' ? ['dialog'] : [])]) {
    const element = partOf(name);
    if (element) add(name, 'text', toRgba(getComputedStyle(element).color), backdropOf(element), 4.5);
  }
  for (const name of PRIMARY_PARTS) {
    const element = partOf(name);
    if (!element) continue;
    const style = getComputedStyle(element);
    add(name, 'text', toRgba(style.color), backdropOf(element), 4.5);
    add(name, 'fill', toRgba(style.backgroundColor), backdropOf(parentOf(element)), 3);
  }
  for (const name of SECONDARY_PARTS) {
    const element = partOf(name);
    if (!element) continue;
    const style = getComputedStyle(element);
    add(name, 'text', toRgba(style.color), backdropOf(element), 4.5);
    add(name, 'border', toRgba(style.borderTopColor), backdropOf(parentOf(element)), 3);
  }
  return checks;
}

/**
 * The checks of the banner and the panel rendered in `host`'s shadow root, in each scheme the
 * `theme` attribute leaves to the visitor; each surface once (`checked` keeps those done).
 */
export function contrastChecks(
  host: HTMLElement & {theme?: string},
  checked: Set<ContrastCheck['surface']>
): ContrastCheck[] {
  const root = host.shadowRoot;
  if (!root) return [];
  const schemes: ContrastCheck['scheme'][] =
    host.theme === 'light' || host.theme === 'dark' ? [host.theme] : ['light', 'dark'];
  const checks: ContrastCheck[] = [];
  for (const [tag, surface] of [
    ['cookie-consent-banner', 'banner'],
    ['cookie-consent-panel', 'panel'],
  ] as const) {
    const source = root.querySelector(tag);
    if (checked.has(surface) || !source?.shadowRoot?.querySelector('[part]')) continue;
    checked.add(surface);
    const probe = document.createElement('div');
    for (const name of source.getAttributeNames()) probe.setAttribute(name, source.getAttribute(name)!);
    probe.style.cssText = 'position:fixed;visibility:hidden;pointer-events:none;contain:strict;inset:0 auto auto 0';
    const copy = probe.attachShadow({mode: 'open'});
    copy.adoptedStyleSheets = source.shadowRoot.adoptedStyleSheets;
    copy.append(...[...source.shadowRoot.children].map((child) => child.cloneNode(true)));
    root.append(probe);
    try {
      for (const scheme of schemes) {
        probe.setAttribute('theme', scheme);
        checks.push(...measure(copy, surface, scheme));
      }
    } finally {
      probe.remove();
    }
  }
  return checks;
}

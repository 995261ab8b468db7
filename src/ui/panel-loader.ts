import {lazyChunk} from '../core/lazy.js';

/** The preferences panel: a lazy chunk of its own, fetched when first opened or when the visitor heads for it. */
export const panelChunk = lazyChunk(() => import('./panel.js'));

/** Starts fetching the panel ahead of need; a failure is reported when it is opened. */
export function preloadPanel(): void {
  void panelChunk.load().catch(() => undefined);
}

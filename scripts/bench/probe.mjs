// The in-page probe: a script installed before any page script runs, which notices the banner becoming
// visible and the gated script running, and reports both to Node through a CDP binding.

/** The CDP binding through which the in-page probe reports, so no polling from Node runs script in the page. */
export const BINDING = '__benchSignal';

/**
 * Source of the probe for `page` on a `mode` ('first' or 'returning') visit. It records CLS from a buffered
 * layout-shift observer, notices the gated script through a setter on `window.gatedRanAt` (no polling), and
 * on a first visit checks once per animation frame whether the banner has a box in the viewport and is
 * visible: the frame it first is, is the frame that paints it. It reports `load`, `banner` and `gated`
 * through the CDP binding. `window.__bench` holds its state and `deepQuery`, which the pages' `banner` and
 * `accept` expressions use to reach into nested open shadow roots.
 */
export function probeSource(page, mode) {
  const find = page.banner ? `() => ${page.banner}` : 'null';
  return `(() => {
    if (window.top !== window) return;
    const signal = (type) => { try { window.${BINDING}(type); } catch {} };
    // The first element matching selector in root, else in the open shadow roots below it, however deep.
    const deepQuery = (root, selector) => {
      if (!root) return null;
      const found = root.querySelector(selector);
      if (found) return found;
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot && deepQuery(el.shadowRoot, selector);
        if (inner) return inner;
      }
      return null;
    };
    const bench = (window.__bench = {cls: 0, bannerAt: null, gatedAt: null, deepQuery});
    const findBanner = ${find};
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    Object.defineProperty(window, 'gatedRanAt', {
      configurable: true,
      get: () => bench.gatedAt ?? undefined,
      set(value) { bench.gatedAt = value; signal('gated'); },
    });
    const visible = (el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 &&
        box.top < innerHeight && box.left < innerWidth &&
        el.checkVisibility({opacityProperty: true, visibilityProperty: true});
    };
    bench.bannerVisible = () => { const el = findBanner && findBanner(); return !!el && visible(el); };
    bench.read = () => {
      const host = document.querySelector('cookie-consent');
      const root = host && host.shadowRoot;
      return {
        cls: bench.cls,
        bannerAt: bench.bannerAt,
        gatedAt: bench.gatedAt,
        bannerVisibleNow: bench.bannerVisible(),
        // Whether ours built any banner or panel, at whatever depth of shadow roots.
        oursDom: root ? {banner: !!deepQuery(root, '[part~=banner]'), dialog: !!deepQuery(root, 'dialog')} : null,
        resources: performance.getEntriesByType('resource').map((entry) => entry.name),
      };
    };
    if (${mode === 'first'} && findBanner) {
      const poll = () => {
        if (bench.bannerVisible()) { bench.bannerAt = performance.now(); signal('banner'); }
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }
    addEventListener('load', () => signal('load'));
  })();`;
}

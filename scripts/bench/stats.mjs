// Statistics: each figure's median and spread (min–max) over the runs, per page and condition.
import {CONDITIONS, pagesOf} from './pages.mjs';

export function median(values) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Count, median and range; with no values, `n` is 0 and the rest is not finite. */
export const stats = (values) => ({
  n: values.length,
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

/** Ratio of two figures, NaN when either is missing or the divisor is 0. */
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN);

/** The key of one page under one condition in the summary. */
export const keyOf = (pageId, conditionId) => `${pageId}@${conditionId}`;

/**
 * All per-load figures, keyed by page and condition (`ours-en@4x`). Heap is over the bare page of the same
 * run and condition (so it is missing where the bare page is not loaded, as in the network series).
 */
export function summarize(records) {
  const out = {};
  const bareHeap = new Map(
    records.filter((r) => r.page === 'bare' && r.first).map((r) => [`${r.run}/${r.condition}`, r.first.heapBytes])
  );
  for (const condition of CONDITIONS) {
    for (const page of pagesOf(condition)) {
      const mine = records.filter((r) => r.page === page.id && r.condition === condition.id);
      const first = mine.map((r) => r.first).filter(Boolean);
      const back = mine.map((r) => r.returning).filter(Boolean);
      const heapOver = mine
        .filter((r) => r.first && bareHeap.has(`${r.run}/${r.condition}`))
        .map((r) => (r.first.heapBytes - bareHeap.get(`${r.run}/${r.condition}`)) / 1024);
      out[keyOf(page.id, condition.id)] = {
        loads: mine.length,
        failed: mine.filter((r) => r.errors.length).length,
        bannerMs: stats(first.map((f) => f.bannerAt).filter((v) => v != null)),
        scriptMs: stats(first.map((f) => f.scriptMs)),
        heapKb: stats(heapOver),
        cls: stats(first.map((f) => f.cls)),
        gatedBeforeConsent: first.filter((f) => f.gatedAt != null).length,
        backScriptMs: stats(back.map((b) => b.scriptMs)),
        backGatedMs: stats(back.map((b) => b.gatedAt).filter((v) => v != null)),
        backLoads: back.length,
        backBannerVisible: back.filter((b) => b.bannerVisibleAtEnd).length,
        backOursDomClean: back.filter((b) => b.oursDom && !b.oursDom.banner && !b.oursDom.dialog).length,
      };
    }
  }
  return out;
}

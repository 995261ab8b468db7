// The targets: each a ratio of medians (or a size, or CLS) against a bound, printed with pass or fail.
// Printed only; no test asserts them. The definitions of the figures are those of the tables (see report.mjs).
import {OURS} from './pages.mjs';
import {keyOf, ratio} from './stats.mjs';

const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The targets, in the order they are printed. `summary` is stats.summarize's, `sizes` served.sizesOf's. */
export function targetsOf(summary, sizes) {
  const s = (id, condition) => summary[keyOf(id, condition)];
  const oursCls = OURS.flatMap((id) => ['1x', '4x'].map((condition) => s(id, condition).cls.max));
  const bannerRatio = ratio(s('ours-en', '4x').bannerMs.median, s('vanilla', '4x').bannerMs.median);
  const cpuRatio = ratio(s('ours-en', '4x').scriptMs.median, s('vanilla', '4x').scriptMs.median);
  const backRatio = ratio(s('ours-en', '4x').backScriptMs.median, s('ours-en', '4x').scriptMs.median);
  const floorRatio = ratio(s('floor', '4x').backScriptMs.median, s('ours-en', '4x').scriptMs.median);
  const worst = Math.max(...oursCls);
  return [
    {
      group: 'Size',
      name: 'Our first-visit JS, brotli 11 (en)',
      bound: '≤ 10 KB',
      measured: kb(sizes['ours-en'].jsBrotli),
      ok: sizes['ours-en'].jsBrotli > 0 && sizes['ours-en'].jsBrotli <= 10 * 1024,
    },
    {
      group: 'First visit',
      name: 'Banner visible at 4x, ours (en) ÷ vanilla',
      bound: '≤ 0.60×',
      measured: times(bannerRatio),
      ok: bannerRatio <= 0.6,
    },
    {
      group: 'First visit',
      name: 'Script CPU at 4x, ours (en) ÷ vanilla',
      bound: '≤ 0.60×',
      measured: times(cpuRatio),
      ok: cpuRatio <= 0.6,
    },
    {
      group: 'Layout',
      name: 'CLS, ours (en and fr, 1x and 4x, every load)',
      bound: '0',
      measured: Number.isFinite(worst) ? `max ${worst.toFixed(4)}` : '–',
      ok: oursCls.every((v) => v === 0), // Math.max of no loads is -Infinity, which fails here too
    },
    {
      group: 'Returning visitor',
      name: 'Script CPU at 4x ÷ our first visit (en)',
      bound: '≤ 0.50×',
      measured: `${times(backRatio)} (floor control: ${times(floorRatio)})`,
      ok: backRatio <= 0.5,
    },
  ];
}

// The targets: each a ratio of medians (or a size, or CLS) against a bound, printed with pass or fail.
// Printed only; no test asserts them. The definitions of the figures are those of the tables (see report.mjs).
import {OURS, pageById} from './pages.mjs';
import {keyOf, ratio} from './stats.mjs';

/** Ours ÷ vanilla-cookieconsent on a first visit, at 4x CPU, with and without the emulated network. */
export const FIRST_VISIT_BOUND = 0.8;
/** A returning visitor's script CPU at 4x, ours ÷ the floor control's. */
export const RETURNING_CPU_BOUND = 1.6;
/** When the returning visitor's gated script runs, at 4x, ours ÷ vanilla-cookieconsent's: no later. */
export const RETURNING_GATED_BOUND = 1;
/** Issue 13's targets for the brotli size of the JavaScript an English first visit loads (core, UI, Lit), and of the core alone. */
export const FIRST_VISIT_JS_BYTES = 15 * 1024;
export const CORE_JS_BYTES = 6 * 1024;

const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : '–');

/** One ratio target: `mine` ÷ `theirs` (medians, in ms) at most `bound`. */
function ratioTarget(group, name, mine, theirs, bound, note = '') {
  const value = ratio(mine, theirs);
  return {
    group,
    name,
    bound: `≤ ${times(bound)}`,
    ratio: value,
    measured: `${times(value)} (${ms(mine)} ÷ ${ms(theirs)})${note}`,
    ok: value <= bound, // NaN (a figure missing) fails
  };
}

/** The targets, in the order they are printed. `summary` is stats.summarize's, `sizes` served.sizesOf's. */
export function targetsOf(summary, sizes) {
  const s = (id, condition) => summary[keyOf(id, condition)];
  const label = (id) => pageById(id).label;
  const vanilla = label('vanilla');
  const targets = [];

  for (const id of OURS) {
    targets.push(
      ratioTarget(
        'Returning visitor',
        `Script CPU at 4x, ${label(id)} ÷ floor control`,
        s(id, '4x').backScriptMs.median,
        s('floor', '4x').backScriptMs.median,
        RETURNING_CPU_BOUND
      )
    );
  }
  for (const id of OURS) {
    const at1x = ratio(s(id, '1x').backGatedMs.median, s('vanilla', '1x').backGatedMs.median);
    targets.push(
      ratioTarget(
        'Returning visitor',
        `Gated script ran at, 4x, ${label(id)} ÷ ${vanilla}`,
        s(id, '4x').backGatedMs.median,
        s('vanilla', '4x').backGatedMs.median,
        RETURNING_GATED_BOUND,
        `; at 1x ${times(at1x)}`
      )
    );
  }
  for (const [metric, key] of [
    ['Banner visible', 'bannerMs'],
    ['Script CPU', 'scriptMs'],
  ]) {
    for (const id of OURS) {
      targets.push(
        ratioTarget(
          'First visit',
          `${metric} at 4x, ${label(id)} ÷ ${vanilla}`,
          s(id, '4x')[key].median,
          s('vanilla', '4x')[key].median,
          FIRST_VISIT_BOUND
        )
      );
    }
  }
  for (const id of OURS) {
    targets.push(
      ratioTarget(
        'Network',
        `Banner visible at 4x over the emulated network, ${label(id)} ÷ ${vanilla}`,
        s(id, 'net').bannerMs.median,
        s('vanilla', 'net').bannerMs.median,
        FIRST_VISIT_BOUND
      )
    );
  }

  const core = sizes['ours-en'].files.find((file) => file.file.endsWith('/cookie-consent.js'));
  targets.push({
    group: 'Size',
    name: `Returning-visit JS (the core), brotli 11`,
    bound: `≤ ${CORE_JS_BYTES / 1024} KB`,
    measured: core ? `${(core.brotli / 1024).toFixed(2)} KB (${core.brotli} B)` : '–',
    ok: !!core && core.brotli <= CORE_JS_BYTES,
  });
  const jsBrotli = sizes['ours-en'].jsBrotli;
  targets.push({
    group: 'Size',
    name: `First-visit JS, brotli 11, ${label('ours-en')}`,
    bound: `≤ ${FIRST_VISIT_JS_BYTES / 1024} KB`,
    measured: `${(jsBrotli / 1024).toFixed(2)} KB (${jsBrotli} B)`,
    ok: jsBrotli > 0 && jsBrotli <= FIRST_VISIT_JS_BYTES,
  });
  const oursCls = Object.entries(summary)
    .filter(([key]) => OURS.some((id) => key.startsWith(`${id}@`)))
    .map(([, figures]) => figures.cls.max);
  const worst = Math.max(...oursCls);
  targets.push({
    group: 'Layout',
    name: 'CLS, ours (en and fr), every load in every condition',
    bound: '0',
    measured: Number.isFinite(worst) ? `max ${worst.toFixed(4)}` : '–',
    ok: oursCls.length > 0 && oursCls.every((v) => v === 0),
  });
  return targets;
}

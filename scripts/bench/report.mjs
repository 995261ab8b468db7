// The report: the Markdown tables (targets, sizes, first visit, ratios to the peers, returning visitor,
// network series), formatted with the repository's Prettier settings. bench/RESULTS.md keeps its
// hand-written notes: everything from NOTES_MARKER down is carried over when the tables are rewritten.
import {existsSync, readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {CONDITIONS, CPU_CONDITIONS, NETWORK_LABEL, OURS, PAGES, PEERS, pageById, pagesOf} from './pages.mjs';
import {keyOf, ratio} from './stats.mjs';

export const NOTES_MARKER = '<!-- npm run bench rewrites what is above this line and keeps what is below. -->';

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const range = (s, digits = 0) =>
  s.n ? `${fixed(s.median, digits)} (${fixed(s.min, digits)}–${fixed(s.max, digits)})` : '–';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const verdict = (target) => (target.ok ? 'pass' : 'fail');

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`]
    .concat(rows.map((row) => `| ${row.join(' | ')} |`))
    .join('\n');
}

function intro(meta) {
  const conditions = CPU_CONDITIONS.map((c) => c.label).join(' and ');
  return [
    '# Benchmark: cookie-consent-elements vs vanilla-cookieconsent and klaro',
    '',
    `Command: \`${meta.command}\`. Date: ${meta.date}. Build: \`${meta.build}\`. Machine: ${meta.cores} cores ` +
      `(${meta.cpuModel}), ${meta.chromium} headless, Node ${meta.node}, load average ` +
      `${meta.loadAverage.start.toFixed(1)} at start and ${meta.loadAverage.end.toFixed(1)} at end. ` +
      `${meta.runs} runs per page and condition.`,
    '',
    `Method: each run opens a fresh incognito context per page, pages served from 127.0.0.1 and interleaved round-robin, at ${conditions} CDP CPU throttling; banner visible = \`performance.now()\` in the first animation frame where the banner (for ours, looked for through every open shadow root under \`<cookie-consent>\`) has a box in the viewport and passes \`checkVisibility\` (opacity, visibility); script CPU = CDP \`ScriptDuration\` (threadTicks) until ${meta.settleMs} ms after load and banner (or gated script); heap = \`JSHeapUsedSize\` after GC minus the bare page's in the same run; CLS = buffered layout shifts without input.`,
    `Returning visitor: the agree button is clicked in the first visit, then the page opens in a new tab of the same context; gated script ran at = \`performance.now()\` when the page's gated \`performance\` script sets \`window.gatedRanAt\`. The floor control loads no library: the benchmark sets its cookie after the first visit, and an inline module reads it and runs the gated script, the least any consent tool does on a returning visit in this harness.`,
    `Network series: first visits only, of ours and vanilla-cookieconsent, at 4x CPU with CDP \`Network.emulateNetworkConditions\` on the tab (${NETWORK_LABEL}; every request waits the round trip, as the server itself is local; it sends files uncompressed, so their raw sizes travel). Sizes are the files each page requested for the library (including the peers' config file, which holds the texts our bundle carries), compressed from disk. Figures: median (min–max).`,
    '',
  ];
}

function targetsSection(targets) {
  return [
    '## Targets',
    '',
    table(
      ['', 'Target', 'Bound', 'Measured', 'Result'],
      targets.map((t) => [t.group, t.name, t.bound, t.measured, verdict(t)])
    ),
    '',
  ];
}

function sizesSection(sizes) {
  const rows = PAGES.filter((p) => !p.control).map((p) => [
    p.label,
    sizes[p.id].files.map((f) => `\`${basename(f.file)}\``).join(', '),
    kb(sizes[p.id].raw),
    kb(sizes[p.id].gzip),
    kb(sizes[p.id].brotli),
    p.ours ? '' : times(ratio(sizes['ours-en'].brotli, sizes[p.id].brotli)),
  ]);
  return [
    '## Size of what each page loads for the library',
    '',
    table(['Page', 'Files', 'Raw', 'gzip -9', 'brotli 11', 'ours (en) ÷ this, brotli'], rows),
    '',
  ];
}

function firstVisitSection(s) {
  const rows = [];
  for (const condition of CPU_CONDITIONS) {
    for (const p of PAGES) {
      const x = s(p.id, condition.id);
      rows.push([
        p.label,
        condition.label,
        p.banner ? range(x.bannerMs) : '–',
        range(x.scriptMs, 1),
        p.id === 'bare' ? '0 (baseline)' : range(x.heapKb),
        range(x.cls, 3),
        `${x.loads - x.failed}/${x.loads}`,
      ]);
    }
  }
  const header = ['Page', 'CPU', 'Banner visible (ms)', 'Script CPU (ms)', 'JS heap over bare (KB)', 'CLS', 'Loads ok'];
  return ['## First visit', '', table(header, rows), ''];
}

function ratiosSection(s, sizes) {
  const rows = [];
  const cpu = CPU_CONDITIONS.map((c) => c.id);
  for (const ours of OURS) {
    for (const peer of PEERS) {
      const of = (metric) => cpu.map((c) => times(ratio(s(ours, c)[metric].median, s(peer, c)[metric].median)));
      rows.push([
        `${pageById(ours).label} ÷ ${pageById(peer).label}`,
        ...of('bannerMs'),
        ...of('scriptMs'),
        times(ratio(s(ours, '1x').heapKb.median, s(peer, '1x').heapKb.median)),
        ...of('backScriptMs'),
        ...of('backGatedMs'),
        times(ratio(sizes[ours].brotli, sizes[peer].brotli)),
      ]);
    }
  }
  const header = [
    'Pair',
    ...cpu.map((c) => `Banner ${c}`),
    ...cpu.map((c) => `Script CPU ${c}`),
    'Heap (1x)',
    ...cpu.map((c) => `Returning CPU ${c}`),
    ...cpu.map((c) => `Gated ran at ${c}`),
    'Size (brotli)',
  ];
  return ['## Ours ÷ peer (ratio of medians; below 1 is better for us)', '', table(header, rows), ''];
}

function returningSection(s) {
  const rows = [];
  for (const condition of CPU_CONDITIONS) {
    for (const p of PAGES) {
      const x = s(p.id, condition.id);
      const banner = p.ours
        ? `no banner DOM in ${x.backOursDomClean}/${x.backLoads}`
        : `banner shown in ${x.backBannerVisible}/${x.backLoads}`;
      rows.push([
        p.label,
        condition.label,
        range(x.backScriptMs, 1),
        p.cookie ? range(x.backGatedMs) : '–',
        p.banner ? banner : '–',
      ]);
    }
  }
  const header = ['Page', 'CPU', 'Script CPU (ms)', 'Gated script ran at (ms)', 'Banner'];
  return ['## Returning visitor (decision stored)', '', table(header, rows), ''];
}

function networkSection(s, condition) {
  const rows = pagesOf(condition).map((p) => {
    const x = s(p.id, condition.id);
    return [
      p.label,
      range(x.bannerMs),
      range(x.scriptMs, 1),
      range(x.cls, 3),
      p.id === 'vanilla' ? '' : times(ratio(x.bannerMs.median, s('vanilla', condition.id).bannerMs.median)),
      `${x.loads - x.failed}/${x.loads}`,
    ];
  });
  const header = ['Page', 'Banner visible (ms)', 'Script CPU (ms)', 'CLS', 'Banner ÷ vanilla', 'Loads ok'];
  return [`## First visit over an emulated network (${NETWORK_LABEL})`, '', table(header, rows), ''];
}

/** The whole report, as unformatted Markdown. */
export function report({meta, summary, sizes, targets}) {
  const s = (id, condition) => summary[keyOf(id, condition)];
  const lines = intro(meta);
  if (meta.warnings.length) lines.push(...meta.warnings.map((w) => `> **Warning:** ${w}`), '');
  lines.push(...targetsSection(targets), ...sizesSection(sizes), ...firstVisitSection(s));
  lines.push(...ratiosSection(s, sizes), ...returningSection(s));
  for (const condition of CONDITIONS.filter((c) => c.network)) lines.push(...networkSection(s, condition));
  return lines.join('\n');
}

/** The hand-written notes of the file at `path`, from NOTES_MARKER down ('' if none). */
export function notesOf(path) {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(NOTES_MARKER);
  return at === -1 ? '' : text.slice(at);
}

/** Formats the Markdown with the repository's Prettier settings, so `prettier --check .` stays green. */
export async function prettified(markdown, path) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(path)) ?? {};
    return await prettier.format(markdown, {...options, parser: 'markdown'});
  } catch {
    return markdown;
  }
}

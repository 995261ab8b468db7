// `npm run bench`: builds, then compares our banner with vanilla-cookieconsent and klaro in headless Chromium.
//
//   node scripts/bench.mjs              15 loads per page and CPU rate (the published figures)
//   node scripts/bench.mjs --runs 2     a quick smoke run (written to bench/results/, not bench/RESULTS.md)
//   node scripts/bench.mjs --skip-build measure the dist/ that is already there
//
// One equivalent page per library (bench/pages/), same texts and categories, served on 127.0.0.1 under the
// repository's own paths, so each peer is loaded from its own package's files (/node_modules/...), and two controls
// without a library: a bare page, and a floor page that only reads a cookie and runs the gated script. For every page, interleaved
// round-robin, at 1x and 4x CPU throttling, each run opens a fresh incognito context and measures:
//   first visit      banner visible, main-thread script CPU, JS heap after GC (over the bare page), CLS
//   returning visit  (accept in the first visit, then a new tab in the same context) script CPU and the time
//                    until the gated `performance` script has run; for ours, that no banner DOM was created
// and, once, the size of the files each page requested for the library (raw, gzip -9, brotli 11).
// Writes bench/results/raw-<date>.json (every load) and bench/RESULTS.md (medians, min–max, ratios, targets).
// The server's root is a hard-linked snapshot of the served folders taken right after the build (see freezeRoot).
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import {basename, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import puppeteer from 'puppeteer-core';
import {CHROME_ARGS, chromePath} from './chrome.mjs';
import {startServer} from './serve.mjs';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
const RATES = [1, 4];
const LOAD_TIMEOUT_MS = 15_000;
/** After the banner (or gated script) and the load event, how long late work may still run before we read. */
const SETTLE_MS = 500;
const VIEWPORT = {width: 1280, height: 800};
/** The CDP binding through which the in-page probe reports, so no polling from Node runs script in the page. */
const BINDING = '__benchSignal';
/** The folders the pages load from, under the same paths as in the repository. */
const SERVED_DIRS = ['dist', 'bench/pages', 'node_modules/vanilla-cookieconsent/dist', 'node_modules/klaro/dist'];

/**
 * The pages. `banner` and `accept` are expressions evaluated in the page: the library's banner element
 * and a click on its agree button (for the floor, setting its cookie). `cookie` is the decision cookie,
 * awaited before the returning visit. `control` pages load no library and are left out of the sizes.
 */
const PAGES = [
  {id: 'bare', label: 'bare page (control)', file: 'bare.html', control: true},
  {
    // No library: an inline module reads the cookie and runs the gated script. What any consent tool must at
    // least do for a returning visitor, to set the returning-visitor figures against.
    id: 'floor',
    label: 'floor (control): cookie read and gating only',
    file: 'floor.html',
    control: true,
    accept: `document.cookie = 'floor_consent=performance; path=/'`,
    cookie: 'floor_consent',
  },
  {
    id: 'ours-en',
    label: 'ours (en)',
    file: 'ours-en.html',
    ours: true,
    banner: `document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~=banner]')`,
    accept: `document.querySelector('cookie-consent').shadowRoot.querySelector('[part~=accept]').click()`,
    cookie: 'cookie_consent',
  },
  {
    id: 'ours-fr',
    label: 'ours (fr)',
    file: 'ours-fr.html',
    ours: true,
    banner: `document.querySelector('cookie-consent')?.shadowRoot?.querySelector('[part~=banner]')`,
    accept: `document.querySelector('cookie-consent').shadowRoot.querySelector('[part~=accept]').click()`,
    cookie: 'cookie_consent',
  },
  {
    id: 'vanilla',
    label: 'vanilla-cookieconsent',
    file: 'vanilla.html',
    banner: `document.querySelector('#cc-main .cm')`,
    accept: `document.querySelector('#cc-main .cm [data-role=all]').click()`,
    cookie: 'cc_cookie',
  },
  {
    id: 'klaro',
    label: 'klaro',
    file: 'klaro.html',
    banner: `document.querySelector('.klaro .cookie-notice')`,
    accept: `document.querySelector('.klaro .cookie-notice .cm-btn-success').click()`,
    cookie: 'klaro',
  },
];
const PEERS = ['vanilla', 'klaro'];
for (const page of PAGES) {
  const pkg = {vanilla: 'vanilla-cookieconsent', klaro: 'klaro'}[page.id];
  if (pkg)
    page.label = `${pkg} ${JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', pkg, 'package.json'))).version}`;
}
const OURS = ['ours-en', 'ours-fr'];

// ---------------------------------------------------------------------------------------------------------
// The in-page probe, installed before any page script runs.

/**
 * Source of the probe. It records CLS from a buffered layout-shift observer, notices the gated script
 * through a setter on `window.gatedRanAt` (no polling), and on a first visit checks once per animation
 * frame whether the banner has a box in the viewport and is visible: the frame it first is, is the
 * frame that paints it. It reports `load`, `banner` and `gated` through the CDP binding.
 */
function probeSource(page, mode) {
  const find = page.banner ? `() => ${page.banner}` : 'null';
  return `(() => {
    if (window.top !== window) return;
    const findBanner = ${find};
    const signal = (type) => { try { window.${BINDING}(type); } catch {} };
    const bench = (window.__bench = {cls: 0, bannerAt: null, gatedAt: null});
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
        oursDom: root ? {banner: !!root.querySelector('[part~=banner]'), dialog: !!root.querySelector('dialog')} : null,
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

// ---------------------------------------------------------------------------------------------------------
// One load.

/** Collects the probe's signals on a CDP session; `waitFor(types)` resolves once all of them have arrived. */
function signalsOf(cdp) {
  const seen = new Set();
  let waiters = [];
  cdp.on('Runtime.bindingCalled', ({name, payload}) => {
    if (name !== BINDING) return;
    seen.add(payload);
    waiters = waiters.filter((waiter) => !(waiter.types.every((type) => seen.has(type)) && (waiter.resolve(), true)));
  });
  return {
    waitFor: (types) =>
      new Promise((resolve) => {
        if (types.every((type) => seen.has(type))) resolve();
        else waiters.push({types, resolve});
      }),
  };
}

const metricsOf = async (cdp) =>
  Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({name, value}) => [name, value]));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens a tab in `context`, loads the page at CPU `rate`, waits for the load event and the banner (first
 * visit) or the gated script (returning visit), lets late work settle, then reads the figures. Returns the
 * tab still open (the first visit's is used to accept).
 */
async function load(context, url, page, rate, mode) {
  const tab = await context.newPage();
  const cdp = await tab.createCDPSession();
  // threadTicks: ScriptDuration as main-thread CPU time, not wall time, so a busy machine inflates it less.
  await cdp.send('Performance.enable', {timeDomain: 'threadTicks'});
  await cdp.send('Emulation.setCPUThrottlingRate', {rate});
  // This session's own Page and Runtime domains must be on for its probe script and binding to reach the page.
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', {name: BINDING});
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', {source: probeSource(page, mode)});
  const signals = signalsOf(cdp);
  const before = await metricsOf(cdp);

  await tab.goto(url, {waitUntil: 'load', timeout: LOAD_TIMEOUT_MS});
  const awaited = ['load'];
  if (mode === 'first' && page.banner) awaited.push('banner');
  if (mode === 'returning' && page.cookie) awaited.push('gated');
  await signals.waitFor(awaited);
  await sleep(SETTLE_MS);

  // Script time first: reading the page's state below runs script too.
  const after = await metricsOf(cdp);
  const state = await tab.evaluate(() => window.__bench.read());
  const result = {
    scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000,
    bannerAt: state.bannerAt,
    gatedAt: state.gatedAt,
    cls: state.cls,
    bannerVisibleAtEnd: state.bannerVisibleNow,
    oursDom: state.oursDom,
    resources: state.resources,
  };
  if (mode === 'first') {
    await cdp.send('HeapProfiler.collectGarbage');
    result.heapBytes = (await metricsOf(cdp)).JSHeapUsedSize;
  }
  return {tab, result};
}

/** Rejects after `ms`, so one stuck load cannot stall the run. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  promise.catch(() => {}); // a load abandoned by the timeout may fail later, when its context is closed
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A first visit and, in the same fresh context after accepting, a returning visit. */
async function visitPair(browser, baseUrl, page, rate, run) {
  const url = new URL(`bench/pages/${page.file}`, baseUrl).href;
  const record = {run, rate, page: page.id, first: null, returning: null, errors: []};
  const context = await browser.createBrowserContext();
  try {
    const first = await withTimeout(load(context, url, page, rate, 'first'), LOAD_TIMEOUT_MS, 'first visit');
    record.first = first.result;
    if (page.accept) {
      await first.tab.evaluate(page.accept);
      await withTimeout(cookieSet(first.tab, page.cookie), LOAD_TIMEOUT_MS, 'storing the decision');
    }
    await first.tab.close();
    const returning = await withTimeout(load(context, url, page, rate, 'returning'), LOAD_TIMEOUT_MS, 'returning');
    record.returning = returning.result;
  } catch (error) {
    record.errors.push(error.message);
  } finally {
    await context.close().catch(() => {});
  }
  return record;
}

async function cookieSet(tab, name) {
  // Read through CDP (Network.getCookies), not document.cookie, so no script runs in the page.
  while (!(await tab.cookies()).some((cookie) => cookie.name === name)) await sleep(20);
}

// ---------------------------------------------------------------------------------------------------------
// Sizes.

const compressed = (data) => ({
  raw: data.length,
  gzip: gzipSync(data, {level: 9}).length,
  brotli: brotliCompressSync(data, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
});

/** Sizes of the files each page requested from our server (its library, CSS, locale chunk and config). */
function sizesOf(records, baseUrl, root) {
  const sizes = {};
  for (const page of PAGES) {
    const urls = new Set(records.filter((r) => r.page === page.id && r.first).flatMap((r) => r.first.resources));
    const files = [...urls]
      .filter((url) => url.startsWith(baseUrl))
      .map((url) => decodeURIComponent(new URL(url).pathname).slice(1))
      .sort()
      .map((file) => ({file, ...compressed(readFileSync(join(root, file)))}));
    const total = (key, list = files) => list.reduce((sum, file) => sum + file[key], 0);
    const js = files.filter((f) => f.file.endsWith('.js'));
    sizes[page.id] = {
      files,
      raw: total('raw'),
      gzip: total('gzip'),
      brotli: total('brotli'),
      jsBrotli: total('brotli', js),
    };
  }
  return sizes;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics and the report.

function median(values) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const stats = (values) => ({
  n: values.length,
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

/** All per-load figures, keyed by page, rate and metric. Heap is over the bare page of the same run and rate. */
function summarize(records) {
  const out = {};
  const bareHeap = new Map(
    records.filter((r) => r.page === 'bare' && r.first).map((r) => [`${r.run}/${r.rate}`, r.first.heapBytes])
  );
  for (const page of PAGES) {
    for (const rate of RATES) {
      const mine = records.filter((r) => r.page === page.id && r.rate === rate);
      const first = mine.map((r) => r.first).filter(Boolean);
      const back = mine.map((r) => r.returning).filter(Boolean);
      const heapOver = mine
        .filter((r) => r.first && bareHeap.has(`${r.run}/${r.rate}`))
        .map((r) => (r.first.heapBytes - bareHeap.get(`${r.run}/${r.rate}`)) / 1024);
      out[`${page.id}@${rate}`] = {
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

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const range = (s, digits = 0) =>
  s.n ? `${fixed(s.median, digits)} (${fixed(s.min, digits)}–${fixed(s.max, digits)})` : '–';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN);
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const mark = (ok) => (ok ? '✓' : '✗');

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`]
    .concat(rows.map((row) => `| ${row.join(' | ')} |`))
    .join('\n');
}

function targetsOf(summary, sizes) {
  const s = (id, rate) => summary[`${id}@${rate}`];
  const oursCls = OURS.flatMap((id) => RATES.map((rate) => s(id, rate).cls.max));
  const bannerRatio = ratio(s('ours-en', 4).bannerMs.median, s('vanilla', 4).bannerMs.median);
  const cpuRatio = ratio(s('ours-en', 4).scriptMs.median, s('vanilla', 4).scriptMs.median);
  const backRatio = ratio(s('ours-en', 4).backScriptMs.median, s('ours-en', 4).scriptMs.median);
  const floorRatio = ratio(s('floor', 4).backScriptMs.median, s('ours-en', 4).scriptMs.median);
  return [
    {
      name: 'Our first-visit JS, brotli 11 (en) ≤ 10 KB',
      value: kb(sizes['ours-en'].jsBrotli),
      ok: sizes['ours-en'].jsBrotli > 0 && sizes['ours-en'].jsBrotli <= 10 * 1024,
    },
    {name: 'Banner visible at 4x, ours (en) ÷ vanilla ≤ 0.6×', value: times(bannerRatio), ok: bannerRatio <= 0.6},
    {name: 'Script CPU at 4x, ours (en) ÷ vanilla ≤ 0.6×', value: times(cpuRatio), ok: cpuRatio <= 0.6},
    {
      name: 'CLS 0, ours (en and fr, 1x and 4x, every load)',
      value: `max ${fixed(Math.max(...oursCls), 4)}`,
      ok: oursCls.every((v) => v === 0), // Math.max of no loads is -Infinity, which fails here too
    },
    {
      name: 'Returning visitor script CPU at 4x ≤ 0.5× our first visit (en)',
      value: `${times(backRatio)} (floor control: ${times(floorRatio)})`,
      ok: backRatio <= 0.5,
    },
  ];
}

function report({meta, summary, sizes, targets}) {
  const s = (id, rate) => summary[`${id}@${rate}`];
  const label = (id) => PAGES.find((p) => p.id === id).label;
  const lines = [];
  lines.push('# Benchmark: cookie-consent-elements vs vanilla-cookieconsent and klaro', '');
  lines.push(
    `Command: \`${meta.command}\`. Date: ${meta.date}. Machine: ${meta.cores} cores (${meta.cpuModel}), ` +
      `${meta.chromium} headless, Node ${meta.node}, load average ${meta.loadAverage.start.toFixed(1)} at start and ` +
      `${meta.loadAverage.end.toFixed(1)} at end. ${meta.runs} runs per page and CPU rate.`,
    ''
  );
  lines.push(
    `Method: each run opens a fresh incognito context per page, pages served from 127.0.0.1 and interleaved round-robin, at 1x and 4x CDP CPU throttling; banner visible = \`performance.now()\` in the first animation frame where the banner has a box in the viewport and passes \`checkVisibility\` (opacity, visibility); script CPU = CDP \`ScriptDuration\` (threadTicks) until ${SETTLE_MS} ms after load and banner (or gated script); heap = \`JSHeapUsedSize\` after GC minus the bare page's in the same run; CLS = buffered layout shifts without input.`,
    `Returning visitor: the agree button is clicked in the first visit, then the page opens in a new tab of the same context. The floor control loads no library: the benchmark sets its cookie after the first visit, and an inline module reads it and runs the gated script, the least any consent tool does on a returning visit in this harness; the returning-visitor target gives its ratio to our first visit in brackets, for scale. Sizes are the files each page requested for the library (including the peers' config file, which holds the texts our bundle carries), compressed from disk. Figures: median (min–max).`,
    ''
  );
  if (meta.warnings.length) lines.push(...meta.warnings.map((w) => `> **Warning:** ${w}`), '');

  lines.push('## Targets', '');
  lines.push(
    table(
      ['Target', 'Measured', ''],
      targets.map((t) => [t.name, t.value, mark(t.ok)])
    ),
    ''
  );

  lines.push('## Size of what each page loads for the library', '');
  lines.push(
    table(
      ['Page', 'Files', 'Raw', 'gzip -9', 'brotli 11', 'ours (en) ÷ this, brotli'],
      PAGES.filter((p) => !p.control).map((p) => [
        label(p.id),
        sizes[p.id].files.map((f) => `\`${basename(f.file)}\``).join(', '),
        kb(sizes[p.id].raw),
        kb(sizes[p.id].gzip),
        kb(sizes[p.id].brotli),
        p.ours ? '' : times(ratio(sizes['ours-en'].brotli, sizes[p.id].brotli)),
      ])
    ),
    ''
  );

  lines.push('## First visit', '');
  const firstRows = [];
  for (const rate of RATES) {
    for (const p of PAGES) {
      const x = s(p.id, rate);
      firstRows.push([
        label(p.id),
        `${rate}x`,
        p.banner ? range(x.bannerMs) : '–',
        range(x.scriptMs, 1),
        p.id === 'bare' ? '0 (baseline)' : range(x.heapKb),
        range(x.cls, 3),
        `${x.loads - x.failed}/${x.loads}`,
      ]);
    }
  }
  lines.push(
    table(
      ['Page', 'CPU', 'Banner visible (ms)', 'Script CPU (ms)', 'JS heap over bare (KB)', 'CLS', 'Loads ok'],
      firstRows
    ),
    ''
  );

  lines.push('## Ours ÷ peer (ratio of medians; below 1 is better for us)', '');
  const ratioRows = [];
  for (const ours of OURS) {
    for (const peer of PEERS) {
      ratioRows.push([
        `${label(ours)} ÷ ${label(peer)}`,
        ...RATES.map((rate) => times(ratio(s(ours, rate).bannerMs.median, s(peer, rate).bannerMs.median))),
        ...RATES.map((rate) => times(ratio(s(ours, rate).scriptMs.median, s(peer, rate).scriptMs.median))),
        times(ratio(s(ours, 1).heapKb.median, s(peer, 1).heapKb.median)),
        ...RATES.map((rate) => times(ratio(s(ours, rate).backScriptMs.median, s(peer, rate).backScriptMs.median))),
        times(ratio(sizes[ours].brotli, sizes[peer].brotli)),
      ]);
    }
  }
  lines.push(
    table(
      [
        'Pair',
        'Banner 1x',
        'Banner 4x',
        'Script CPU 1x',
        'Script CPU 4x',
        'Heap (1x)',
        'Returning CPU 1x',
        'Returning CPU 4x',
        'Size (brotli)',
      ],
      ratioRows
    ),
    ''
  );

  lines.push('## Returning visitor (decision stored)', '');
  const backRows = [];
  for (const rate of RATES) {
    for (const p of PAGES) {
      const x = s(p.id, rate);
      const banner = p.ours
        ? `no banner DOM in ${x.backOursDomClean}/${x.backLoads}`
        : `banner shown in ${x.backBannerVisible}/${x.backLoads}`;
      backRows.push([
        label(p.id),
        `${rate}x`,
        range(x.backScriptMs, 1),
        p.cookie ? range(x.backGatedMs) : '–',
        p.banner ? banner : '–',
      ]);
    }
  }
  lines.push(table(['Page', 'CPU', 'Script CPU (ms)', 'Gated script ran at (ms)', 'Banner'], backRows), '');
  return lines.join('\n');
}

/** Formats the Markdown with the repository's Prettier settings, so `prettier --check .` stays green. */
async function prettified(markdown, path) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(path)) ?? {};
    return await prettier.format(markdown, {...options, parser: 'markdown'});
  } catch {
    return markdown;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Main.

/**
 * A frozen view of the repository root for the server: the served folders, same paths, every file
 * hard-linked (the same files on disk, not copies). `npm run build` deletes and rewrites dist/, so a rebuild
 * during the run (another terminal, a test run) would otherwise swap or remove the files under test halfway;
 * the links keep the build that is measured. A file is copied only where the file system refuses a link.
 */
function freezeRoot() {
  const root = join(RESULTS_DIR, `served-${process.pid}`);
  rmSync(root, {recursive: true, force: true});
  for (const dir of SERVED_DIRS) linkTree(join(REPO_ROOT, dir), join(root, dir));
  for (const file of ['dist/cookie-consent.js', 'dist/locales/fr.js']) {
    if (existsSync(join(root, file))) continue;
    rmSync(root, {recursive: true, force: true});
    throw new Error(`${file} is missing: run npm run build (or wait for one to end)`);
  }
  return root;
}

function linkTree(from, to) {
  mkdirSync(to, {recursive: true});
  for (const entry of readdirSync(from, {withFileTypes: true})) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** Names the measured build in the raw results. */
function buildId(root) {
  return createHash('sha256')
    .update(readFileSync(join(root, 'dist', 'cookie-consent.js')))
    .digest('hex')
    .slice(0, 12);
}

function build() {
  process.stderr.write('bench: npm run build\n');
  // Build output goes to stderr: stdout carries only the results table.
  const result = spawnSync('npm', ['run', 'build'], {cwd: REPO_ROOT, stdio: ['ignore', 2, 2]});
  if (result.status !== 0) throw new Error('npm run build failed');
}

function options() {
  const {values} = parseArgs({
    options: {runs: {type: 'string', default: '15'}, 'skip-build': {type: 'boolean', default: false}},
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
  return {runs, skipBuild: values['skip-build']};
}

async function main() {
  const {runs, skipBuild} = options();
  if (!skipBuild) build();
  const root = freezeRoot();
  const loadAtStart = loadavg()[0];

  const started = Date.now();
  let server;
  let browser;
  const stop = async () => {
    await browser?.close().catch(() => {});
    if (server) {
      server.closeAllConnections();
      server.close();
    }
    rmSync(root, {recursive: true, force: true});
  };
  process.once('SIGINT', () => stop().then(() => process.exit(130)));
  try {
    const served = await startServer({port: 0, root, quiet: true});
    server = served.server;
    const baseUrl = served.url;
    browser = await puppeteer.launch({
      executablePath: chromePath(),
      args: CHROME_ARGS,
      headless: true,
      defaultViewport: VIEWPORT,
    });
    const chromium = await browser.version();
    process.stderr.write(`bench: ${chromium}, ${runs} runs × ${PAGES.length} pages × ${RATES.length} CPU rates\n`);

    // Warm-up, not recorded: the first loads after launch pay for starting processes and reading files.
    for (const page of PAGES) await visitPair(browser, baseUrl, page, 1, -1);

    // Round-robin: in every run each page is loaded once per rate, and the order rotates from run to run,
    // so drift in the machine's load spreads over all libraries instead of landing on one.
    const records = [];
    for (let run = 0; run < runs; run++) {
      for (const [r, rate] of RATES.entries()) {
        const shift = (run + r) % PAGES.length;
        for (const page of [...PAGES.slice(shift), ...PAGES.slice(0, shift)]) {
          const record = await visitPair(browser, baseUrl, page, rate, run);
          if (record.errors.length)
            process.stderr.write(`bench: ${page.id} ${rate}x run ${run + 1}: ${record.errors}\n`);
          records.push(record);
        }
      }
      const elapsed = (Date.now() - started) / 1000;
      const left =
        run + 1 < runs ? `, about ${Math.ceil(((elapsed / (run + 1)) * (runs - run - 1)) / 60)} min left` : '';
      process.stderr.write(`bench: run ${run + 1}/${runs} done, ${Math.round(elapsed)} s${left}\n`);
    }

    const warnings = [];
    const failed = records.filter((r) => r.errors.length).length;
    if (failed) warnings.push(`${failed} of ${records.length} visit pairs failed; see the raw JSON.`);
    for (const id of PAGES.map((p) => p.id)) {
      const early = records.filter((r) => r.page === id && r.first?.gatedAt != null).length;
      if (early) warnings.push(`${id}: the gated script ran before consent in ${early} first visits.`);
    }

    const sizes = sizesOf(records, baseUrl, root);
    const summary = summarize(records);
    const targets = targetsOf(summary, sizes);
    const date = new Date();
    const meta = {
      date: date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      command: runs === 15 ? 'npm run bench' : `node scripts/bench.mjs --runs ${runs}`,
      runs,
      chromium,
      cores: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
      node: process.version,
      settleMs: SETTLE_MS,
      loadTimeoutMs: LOAD_TIMEOUT_MS,
      viewport: VIEWPORT,
      build: buildId(root),
      loadAverage: {start: loadAtStart, end: loadavg()[0]},
      durationS: Math.round((Date.now() - started) / 1000),
      warnings,
    };

    mkdirSync(RESULTS_DIR, {recursive: true});
    const stamp = date.toISOString().slice(0, 19).replace(/:/g, '-');
    const rawPath = join(RESULTS_DIR, `raw-${stamp}.json`);
    writeFileSync(rawPath, JSON.stringify({meta, sizes, summary, targets, records}, null, 2) + '\n');
    // A smoke run must not overwrite the published table.
    const mdPath = runs >= 15 ? join(REPO_ROOT, 'bench', 'RESULTS.md') : join(RESULTS_DIR, `RESULTS-smoke.md`);
    const markdown = await prettified(report({meta, summary, sizes, targets}) + '\n', mdPath);
    writeFileSync(mdPath, markdown);
    process.stdout.write(markdown);
    process.stderr.write(
      `bench: ${meta.durationS} s; wrote ${relative(REPO_ROOT, mdPath)} and ${relative(REPO_ROOT, rawPath)}\n`
    );
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});

// `npm run bench`: builds, then compares our banner with vanilla-cookieconsent and klaro in headless Chromium.
//
//   npm run bench                          15 loads per page and condition (the published figures)
//   npm run bench -- --runs 2              a quick smoke run (written to bench/results/, not bench/RESULTS.md);
//   BENCH_RUNS=2 npm run bench             the same
//   npm run bench -- --skip-build          measure the dist/ that is already there
//
// One equivalent page per library (bench/pages/), same texts and categories, served on 127.0.0.1 under the
// repository's own paths, so each peer is loaded from its own package's files (/node_modules/...), and two
// controls without a library: a bare page, and a floor page that only reads a cookie and runs the gated script.
// For every page, interleaved round-robin, at 1x and 4x CPU throttling, each run opens a fresh incognito
// context and measures:
//   first visit      banner visible, main-thread script CPU, JS heap after GC (over the bare page), CLS
//   returning visit  (accept in the first visit, then a new tab in the same context) script CPU and the time
//                    until the gated `performance` script has run; for ours, that no banner DOM was created
// and, in a network series (4x CPU and an emulated slow network), the first visit of ours and
// vanilla-cookieconsent; once, the size of the files each page requested for the library (raw, gzip -9,
// brotli 11). Writes bench/results/raw-<date>.json (every load) and bench/RESULTS.md (medians, min–max,
// ratios, targets; its hand-written notes are kept). The server's root is a hard-linked snapshot of the
// served folders taken right after the build (see scripts/bench/served.mjs).
//
// The parts, in scripts/bench/: pages.mjs (pages and conditions), probe.mjs (what runs in the page),
// measure.mjs (Chromium, throttling, one visit pair), stats.mjs, targets.mjs, report.mjs, served.mjs.
import {spawnSync} from 'node:child_process';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import {join, relative} from 'node:path';
import {parseArgs} from 'node:util';
import {startServer} from './serve.mjs';
import {LOAD_TIMEOUT_MS, SETTLE_MS, VIEWPORT, launchBrowser, visitPair} from './bench/measure.mjs';
import {CONDITIONS, PAGES, REPO_ROOT, RESULTS_DIR, pagesOf} from './bench/pages.mjs';
import {notesOf, prettified, report} from './bench/report.mjs';
import {buildId, freezeRoot, sizesOf} from './bench/served.mjs';
import {summarize} from './bench/stats.mjs';
import {targetsOf} from './bench/targets.mjs';

/** Runs of a full measurement, the one whose results go to bench/RESULTS.md. */
const FULL_RUNS = 15;

function build() {
  process.stderr.write('bench: npm run build\n');
  // Build output goes to stderr: stdout carries only the results table.
  const result = spawnSync('npm', ['run', 'build'], {cwd: REPO_ROOT, stdio: ['ignore', 2, 2]});
  if (result.status !== 0) throw new Error('npm run build failed');
}

function options() {
  const {values} = parseArgs({
    options: {
      runs: {type: 'string', default: process.env.BENCH_RUNS || String(FULL_RUNS)},
      'skip-build': {type: 'boolean', default: false},
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
  return {runs, skipBuild: values['skip-build']};
}

/** Every run loads each page once per condition; the order rotates from run to run and condition to condition. */
async function measure(browser, baseUrl, runs, started) {
  const records = [];
  for (let run = 0; run < runs; run++) {
    for (const [c, condition] of CONDITIONS.entries()) {
      const pages = pagesOf(condition);
      const shift = (run + c) % pages.length;
      for (const page of [...pages.slice(shift), ...pages.slice(0, shift)]) {
        const record = await visitPair(browser, baseUrl, page, condition, run);
        if (record.errors.length)
          process.stderr.write(`bench: ${page.id} ${condition.label} run ${run + 1}: ${record.errors}\n`);
        records.push(record);
      }
    }
    const elapsed = (Date.now() - started) / 1000;
    const left = run + 1 < runs ? `, about ${Math.ceil(((elapsed / (run + 1)) * (runs - run - 1)) / 60)} min left` : '';
    process.stderr.write(`bench: run ${run + 1}/${runs} done, ${Math.round(elapsed)} s${left}\n`);
  }
  return records;
}

function warningsOf(records) {
  const warnings = [];
  const failed = records.filter((r) => r.errors.length).length;
  if (failed) warnings.push(`${failed} of ${records.length} visit pairs failed; see the raw JSON.`);
  for (const id of PAGES.map((p) => p.id)) {
    const early = records.filter((r) => r.page === id && r.first?.gatedAt != null).length;
    if (early) warnings.push(`${id}: the gated script ran before consent in ${early} first visits.`);
  }
  return warnings;
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
    browser = await launchBrowser();
    const chromium = await browser.version();
    const loads = CONDITIONS.map((c) => pagesOf(c).length).reduce((a, b) => a + b);
    process.stderr.write(`bench: ${chromium}, ${runs} runs × ${loads} page loads (${CONDITIONS.length} conditions)\n`);

    // Warm-up, not recorded: the first loads after launch pay for starting processes and reading files.
    for (const page of PAGES) await visitPair(browser, baseUrl, page, CONDITIONS[0], -1);
    const records = await measure(browser, baseUrl, runs, started);

    const sizes = sizesOf(records, baseUrl, root);
    const summary = summarize(records);
    const targets = targetsOf(summary, sizes);
    const date = new Date();
    const meta = {
      date: date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      command: runs === FULL_RUNS ? 'npm run bench' : `npm run bench -- --runs ${runs}`,
      runs,
      chromium,
      cores: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
      node: process.version,
      settleMs: SETTLE_MS,
      loadTimeoutMs: LOAD_TIMEOUT_MS,
      viewport: VIEWPORT,
      conditions: CONDITIONS,
      build: buildId(root),
      loadAverage: {start: loadAtStart, end: loadavg()[0]},
      durationS: Math.round((Date.now() - started) / 1000),
      warnings: warningsOf(records),
    };

    mkdirSync(RESULTS_DIR, {recursive: true});
    const stamp = date.toISOString().slice(0, 19).replace(/:/g, '-');
    const rawPath = join(RESULTS_DIR, `raw-${stamp}.json`);
    writeFileSync(rawPath, JSON.stringify({meta, sizes, summary, targets, records}, null, 2) + '\n');
    // A smoke run must not overwrite the published table.
    const mdPath = runs >= FULL_RUNS ? join(REPO_ROOT, 'bench', 'RESULTS.md') : join(RESULTS_DIR, 'RESULTS-smoke.md');
    const tables = report({meta, summary, sizes, targets});
    const notes = runs >= FULL_RUNS ? notesOf(mdPath) : '';
    const markdown = await prettified(`${tables}\n${notes ? `\n${notes}` : ''}`, mdPath);
    writeFileSync(mdPath, markdown);
    process.stdout.write(notes ? await prettified(tables + '\n', mdPath) : markdown);
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

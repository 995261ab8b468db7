// Measurement: launching Chromium, and one visit pair (first visit, then returning visit) of one page under
// one condition: CPU throttling and, for the network series, emulated network conditions, both through CDP.
// Script CPU comes from CDP's Performance metrics, read before and after each load.
import puppeteer from 'puppeteer-core';
import {CHROME_ARGS, chromePath} from '../chrome.mjs';
import {BINDING, probeSource} from './probe.mjs';

export const LOAD_TIMEOUT_MS = 15_000;
/** After the banner (or gated script) and the load event, how long late work may still run before we read. */
export const SETTLE_MS = 500;
export const VIEWPORT = {width: 1280, height: 800};

export function launchBrowser() {
  return puppeteer.launch({executablePath: chromePath(), args: CHROME_ARGS, headless: true, defaultViewport: VIEWPORT});
}

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
 * Opens a tab in `context`, loads the page under `condition` (CPU rate, and network conditions if it has
 * them), waits for the load event and the banner (first visit) or the gated script (returning visit), lets
 * late work settle, then reads the figures. Returns the tab still open (the first visit's is used to accept).
 */
async function load(context, url, page, condition, mode) {
  const tab = await context.newPage();
  const cdp = await tab.createCDPSession();
  // threadTicks: ScriptDuration as main-thread CPU time, not wall time, so a busy machine inflates it less.
  await cdp.send('Performance.enable', {timeDomain: 'threadTicks'});
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: condition.rate});
  if (condition.network) {
    // Per tab: every request of this tab waits `latency` ms for its response and shares the throughputs.
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {offline: false, ...condition.network});
  }
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

async function cookieSet(tab, name) {
  // Read through CDP (Network.getCookies), not document.cookie, so no script runs in the page.
  while (!(await tab.cookies()).some((cookie) => cookie.name === name)) await sleep(20);
}

/**
 * A first visit and, unless the condition is `firstOnly`, in the same fresh incognito context after
 * accepting, a returning visit. Failures are recorded, not thrown.
 */
export async function visitPair(browser, baseUrl, page, condition, run) {
  const url = new URL(`bench/pages/${page.file}`, baseUrl).href;
  const record = {run, condition: condition.id, rate: condition.rate, page: page.id, first: null, returning: null};
  record.errors = [];
  const context = await browser.createBrowserContext();
  try {
    const first = await withTimeout(load(context, url, page, condition, 'first'), LOAD_TIMEOUT_MS, 'first visit');
    record.first = first.result;
    if (!condition.firstOnly) {
      if (page.accept) {
        await first.tab.evaluate(page.accept);
        await withTimeout(cookieSet(first.tab, page.cookie), LOAD_TIMEOUT_MS, 'storing the decision');
      }
      await first.tab.close();
      const returning = load(context, url, page, condition, 'returning');
      record.returning = (await withTimeout(returning, LOAD_TIMEOUT_MS, 'returning')).result;
    }
  } catch (error) {
    record.errors.push(error.message);
  } finally {
    await context.close().catch(() => {});
  }
  return record;
}

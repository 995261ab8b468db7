// Where a page's main-thread time goes: a CPU profile (CDP Profiler, 100 µs samples) of a bench page
// at 4x CPU, first or returning visit, summed over runs: self time by file, then by function, and each
// read of document.cookie with its wall time. Not part of `npm run bench`; for looking behind a figure.
//
//   npm run build && node scripts/bench/profile.mjs ours-en.html returning 6
//   node scripts/bench/profile.mjs floor.html returning 6
/* global document, Document, window */
import puppeteer from 'puppeteer-core';
import {CHROME_ARGS, chromePath} from '../chrome.mjs';
import {startServer} from '../serve.mjs';

const [file = 'ours-en.html', visit = 'first', runsArgument = '5'] = process.argv.slice(2);
const runs = Number(runsArgument);
const ACCEPT = {
  floor: "document.cookie = 'floor_consent=performance; path=/'",
  ours: "document.querySelector('cookie-consent').acceptAll()",
};

/** In the page, before its scripts: times each read of document.cookie. */
function timeCookieReads() {
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  window.cookieReads = [];
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      const start = performance.now();
      const value = native.get.call(this);
      window.cookieReads.push({at: Math.round(start), ms: +(performance.now() - start).toFixed(2)});
      return value;
    },
    set(value) {
      native.set.call(this, value);
    },
  });
}

const {server, url} = await startServer({port: 0, quiet: true});
const browser = await puppeteer.launch({executablePath: chromePath(), headless: true, args: CHROME_ARGS});
const selfTime = new Map();
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const target = new URL(`bench/pages/${file}`, url).href;
    if (visit === 'returning') {
      await page.goto(target, {waitUntil: 'load'});
      await page.evaluate(file.startsWith('floor') ? ACCEPT.floor : ACCEPT.ours);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await page.evaluateOnNewDocument(timeCookieReads);
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', {interval: 100});
    await cdp.send('Profiler.start');
    await page.goto(target, {waitUntil: 'load'});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const {profile} = await cdp.send('Profiler.stop');
    if (run === 0)
      console.log('document.cookie reads (ms from start, wall ms):', await page.evaluate('window.cookieReads'));
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const {url: script, functionName, lineNumber, columnNumber} = nodes.get(id).callFrame;
      if (functionName === '(idle)') return;
      const key = `${script.replace(url, '') || '(native)'}\t${functionName || '(anonymous)'}:${lineNumber}:${columnNumber}`;
      selfTime.set(key, (selfTime.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
    });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const ms = (microseconds) => (microseconds / 1000 / runs).toFixed(2).padStart(8);
const byFile = new Map();
for (const [key, time] of selfTime) byFile.set(key.split('\t')[0], (byFile.get(key.split('\t')[0]) ?? 0) + time);
console.log(`\n${file}, ${visit} visit, 4x CPU, mean self time per run over ${runs} runs (ms):`);
for (const [name, time] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${ms(time)}  ${name}`);
console.log('');
for (const [key, time] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms(time)}  ${key}`);

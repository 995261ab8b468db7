// The command-line audit's driver: loads pages in fresh Chrome profiles with puppeteer-core,
// observes them over CDP and in the page, and judges with the engine of lib/audit/.
// Functions passed to page.evaluate() and evaluateOnNewDocument() run in the browser.
/* global customElements, document, MutationObserver, window */
import {audit, hasLeak, parseDeclared, seenNames} from '../lib/audit/engine.js';
import {markdownPage, markdownSummary} from '../lib/audit/report.js';

/** After the page's load, or a click, this long without requests counts as settled. */
const IDLE_MS = 500;
/** The library's own files on a CDN are not the site's third parties. */
const OURS = /\/cookie-consent-elements[@/]/;

/** In the page, before its scripts: turns on `<cookie-consent audit>` (for the colours) and keeps its reports. */
function listenToAudit() {
  window.__cookieConsentAudit = [];
  document.addEventListener('cookie-consent-audit', (event) => window.__cookieConsentAudit.push(event.detail));
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.localName === 'cookie-consent' && !node.hasAttribute('audit')) node.setAttribute('audit', '');
      }
    }
  }).observe(document, {childList: true, subtree: true});
}

/** In the page: what the page holds, as the in-browser audit reads it. */
function readPage() {
  const element = document.querySelector('cookie-consent');
  const running = Boolean(element && customElements.get('cookie-consent') && 'acceptAll' in element);
  const storage = [];
  for (const [type, area] of [
    ['localStorage', () => localStorage],
    ['sessionStorage', () => sessionStorage],
  ]) {
    try {
      for (let index = 0; index < area().length; index++) storage.push({type, name: area().key(index)});
    } catch {
      // Storage is blocked.
    }
  }
  const elements = [...document.querySelectorAll('script[src], iframe[src], iframe[data-src], img[src], img[data-src]')]
    .map((node) => ({
      tag: node.localName,
      src: node.src || new URL(node.getAttribute('data-src'), document.baseURI).href,
      gated: node.hasAttribute('data-cookie-consent'),
    }))
    .filter(({src}) => src);
  const layer = Array.isArray(window.dataLayer) ? window.dataLayer : undefined;
  const dataLayer = layer?.map((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return [];
    if ('length' in entry) return Array.from(entry, String).slice(0, 2);
    return entry.event === undefined ? [] : ['event', String(entry.event)];
  });
  return {
    hasElement: running,
    cookieName: running ? element.cookieName : 'cookie_consent',
    offered: (running ? element.categories : '').split(/\s+/).filter(Boolean),
    consent: running ? element.consent : null,
    json: element?.querySelector(':scope > script[type="application/json"]')?.textContent ?? null,
    src: element?.getAttribute('src') ?? null,
    storage,
    elements,
    dataLayer,
    links: [...document.links].map((link) => link.href),
    reports: window.__cookieConsentAudit ?? [],
  };
}

/** What the page declares: its `src` file's cookies, and the inline block's, which win by category. */
async function declaredBy(page, {json, src}) {
  const inline = parseDeclared(json);
  if (!src) return inline;
  const file = await page
    .evaluate(
      (url) => fetch(new URL(url, document.baseURI), {mode: 'same-origin'}).then((response) => response.text()),
      src
    )
    .catch(() => null);
  const categories = new Set(inline.map((entry) => entry.category));
  return [...parseDeclared(file).filter((entry) => !categories.has(entry.category)), ...inline];
}

function describe(initiator) {
  if (!initiator) return undefined;
  const url = initiator.url ?? initiator.stack?.callFrames?.[0]?.url;
  return url ? `${initiator.type} ${url}` : initiator.type;
}

async function settle(page) {
  await page.waitForNetworkIdle({idleTime: IDLE_MS, timeout: 15_000}).catch(() => undefined);
}

/** Opens `url` in a fresh profile; `decide` is `rejectAll` or `acceptAll` (or nothing for a page without our element). */
async function visit(browser, url, decide, earlier) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const requests = [];
    page.on('request', (request) => {
      if (!OURS.test(request.url())) requests.push({url: request.url(), initiator: describe(request.initiator())});
    });
    await page.evaluateOnNewDocument(listenToAudit);
    const response = await page.goto(url, {waitUntil: 'load', timeout: 30_000});
    if (response && !response.ok()) throw new Error(`HTTP ${response.status()}`);
    await settle(page);
    // The in-browser audit takes its first look a moment after the load.
    await page
      .waitForFunction(() => !customElements.get('cookie-consent') || window.__cookieConsentAudit?.length > 0, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    const reports = [];
    const seen = new Set(earlier);
    const look = async (phase, state, since, before) => {
      const cookies = (await context.cookies()).map(({name, domain, expires}) => ({name, domain, expires}));
      const observation = {
        phase,
        pageUrl: page.url(),
        hasElement: state.hasElement,
        cookieName: state.cookieName,
        offered: state.offered,
        allowed: ['necessary', ...Object.keys(state.consent ?? {}).filter((name) => state.consent[name] === true)],
        declared: await declaredBy(page, state),
        cookies,
        storage: state.storage,
        requests: requests.slice(since),
        elements: state.elements.filter((element) => !OURS.test(element.src) && !before.has(element.src)),
        // The order of dataLayer is judged once, at the first look.
        dataLayer: phase === 'before-consent' ? state.dataLayer : undefined,
      };
      const report = audit(observation, seen);
      for (const name of seenNames(observation)) seen.add(name);
      // The colours, as the page's own audit measured them (this library's versions with `audit`).
      const colours = state.reports.flatMap((inPage) => inPage.findings).filter((item) => item.kind === 'contrast');
      if (phase === 'before-consent') report.findings.push(...colours);
      reports.push(report);
    };
    const first = await page.evaluate(readPage);
    if (decide === 'rejectAll' || !first.hasElement) await look('before-consent', first, 0, new Set());
    if (first.hasElement && decide) {
      const mark = requests.length;
      await page.evaluate((method) => document.querySelector('cookie-consent')[method](), decide);
      await settle(page);
      const after = await page.evaluate(readPage);
      const phase = decide === 'rejectAll' ? 'after-refusal' : 'after-consent';
      const shown = new Set(decide === 'rejectAll' ? first.elements.map(({src}) => src) : []);
      await look(phase, after, decide === 'rejectAll' ? mark : 0, shown);
    }
    return {reports, seen, links: first.links, hasElement: first.hasElement};
  } finally {
    await context.close();
  }
}

function sameOriginPage(link, origin) {
  try {
    const url = new URL(link);
    url.hash = '';
    if (
      url.origin !== origin ||
      /\.(pdf|zip|png|jpe?g|gif|svg|webp|mp4|mp3|xml|json|txt|css|js)$/i.test(url.pathname)
    ) {
      return undefined;
    }
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * Audits the URLs and the same-origin links found, up to `limit` pages:
 * `{pages: [{url, reports, leak, error?}], leak, failed}`.
 */
export async function auditSite(browser, urls, limit, progress = () => undefined) {
  const queue = [...urls];
  const done = new Set();
  const pages = [];
  while (queue.length > 0 && pages.length < limit) {
    const url = queue.shift();
    if (done.has(url)) continue;
    done.add(url);
    progress(url);
    let refusal;
    const reports = [];
    try {
      refusal = await visit(browser, url, 'rejectAll', []);
      reports.push(...refusal.reports);
      if (refusal.hasElement) reports.push(...(await visit(browser, url, 'acceptAll', refusal.seen)).reports);
    } catch (error) {
      // A page that cannot be loaded is reported, and the others are still audited.
      pages.push({url, reports: [], leak: false, error: error.message});
      continue;
    }
    pages.push({url, reports, leak: reports.some(hasLeak)});
    const origin = new URL(url).origin;
    for (const link of refusal.links) {
      const next = sameOriginPage(link, origin);
      if (next && !done.has(next) && !queue.includes(next)) queue.push(next);
    }
  }
  return {pages, leak: pages.some((page) => page.leak), failed: pages.some((page) => page.error)};
}

/** The whole report as Markdown: a summary per page, then each page's findings. */
export function markdown(site) {
  const withLeaks = site.pages.filter((page) => page.leak).length;
  return [
    '# Cookie consent audit',
    '',
    `${site.pages.length} page${site.pages.length === 1 ? '' : 's'} audited, ${withLeaks} with something non-essential happening before consent or after a refusal.`,
    '',
    markdownSummary(new Map(site.pages.filter((page) => !page.error).map((page) => [page.url, page.reports]))),
    '',
    ...site.pages.map((page) =>
      page.error ? `## ${page.url}\n\nCould not be audited: ${page.error}\n` : markdownPage(page.url, page.reports)
    ),
  ].join('\n');
}

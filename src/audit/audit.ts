/**
 * `<cookie-consent audit>`: a lazy chunk, loaded only with the attribute, that watches the page
 * and tells the site what it forgot. It takes a look once the page has loaded and again after each
 * decision (and `reset()`), and reports each look in the console (one collapsed group with tables,
 * or one line when all is well) and as a `cookie-consent-audit` event whose `detail` holds the
 * same findings. It only reads: it gates nothing, writes no cookie and changes nothing in the page.
 */
import {CATEGORIES, OPTIONAL_CATEGORIES} from '../core/decision.js';
import {session} from '../core/session.js';
import {contrastChecks} from './contrast.js';
import {audit, seenNames, type AuditReport, type DeclaredEntry, type Observation, type Phase} from './engine.js';
import {CookieConsentAuditEvent} from './events.js';
import {readCookies, readDataLayer, readElements, readRequests, readStorage} from './observe.js';
import {draftJson, headline, sections} from './report.js';

export {CookieConsentAuditEvent};

/** What the audit reads of `<cookie-consent>`. */
export interface AuditHost extends HTMLElement {
  theme?: string;
  readonly updateComplete: Promise<unknown>;
}

/**
 * The audit looks once the page has settled after its load or a decision: at least MIN_MS later,
 * and QUIET_MS after its last request ended (scripts that were let run have run by then), or
 * MAX_MS later on a page that never stops asking.
 */
const MIN_MS = 800;
const QUIET_MS = 500;
const MAX_MS = 8000;
/**
 * The library's name, as `warn()` starts its messages with it (core/log.ts). Spelled out here: an
 * import would make the core, which every page view loads, export it for this chunk.
 */
const LIBRARY_NAME = 'cookie-consent-elements';
/** The library's own files, left out of what the page loads. */
const OURS = new URL('./', import.meta.url).href;

const started = new WeakSet<AuditHost>();

/** Starts the audit of the page `host` runs (once per element); this module starts it for the page's host when imported. */
export function startAudit(host: AuditHost): void {
  if (started.has(host)) return;
  started.add(host);
  const seen = new Set<string>();
  const elementsSeen = new Set<string>();
  const surfaces = new Set<'banner' | 'panel'>();
  let since = 0;
  let first = true;
  let generation = 0;

  const look = async () => {
    await host.updateComplete;
    const observation = await observe(host, since, first, surfaces);
    const elements = observation.elements;
    observation.elements = elements.filter(({src}) => !elementsSeen.has(src));
    for (const {src} of elements) elementsSeen.add(src);
    const report = audit(observation, seen);
    for (const name of seenNames(observation)) seen.add(name);
    first = false;
    log(report);
    host.dispatchEvent(new CookieConsentAuditEvent(report));
  };
  /** Looks once settled; a later decision meanwhile takes the look over. */
  const later = () => {
    const current = ++generation;
    void settled().then(() => {
      if (current === generation) void look();
    });
  };

  host.addEventListener('cookie-consent-change', (event) => {
    if (event.detail.reason === 'stored') return;
    since = performance.now();
    later();
  });
  // A forgotten decision withdraws everything: what is left is judged as before any decision.
  host.addEventListener('cookie-consent-reset', () => {
    since = performance.now();
    later();
  });
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, {once: true});
}

/** Resolves once the page has settled (see MIN_MS). */
function settled(): Promise<void> {
  return new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    const observer = new PerformanceObserver(() => (last = performance.now()));
    observer.observe({type: 'resource'});
    const check = () => {
      const now = performance.now();
      if ((now - start >= MIN_MS && now - last >= QUIET_MS) || now - start >= MAX_MS) {
        observer.disconnect();
        resolve();
      } else setTimeout(check, 100);
    };
    setTimeout(check, MIN_MS);
  });
}

function phaseNow(): Phase {
  const decision = session.store.decision;
  if (!decision) return 'before-consent';
  return OPTIONAL_CATEGORIES.some((category) => decision.consent[category]) ? 'after-consent' : 'after-refusal';
}

async function observe(
  host: AuditHost,
  since: number,
  first: boolean,
  surfaces: Set<'banner' | 'panel'>
): Promise<Observation> {
  const consent = session.store.consent;
  // Its own lazy chunk, which the core would otherwise have to fetch with this one.
  const {declarations} = await (await import('../core/site-config.js')).loadedSiteConfig(host);
  const declared: DeclaredEntry[] = CATEGORIES.flatMap((category) =>
    declarations[category].map(({name, match, type}) => ({
      category,
      name,
      type,
      ...(match ? {match: match.source} : {}),
    }))
  );
  return {
    phase: phaseNow(),
    pageUrl: location.href,
    hasElement: true,
    cookieName: session.store.cookieName,
    offered: [...session.store.offered],
    allowed: CATEGORIES.filter((category) => category === 'necessary' || consent?.[category]),
    declared,
    cookies: await readCookies(),
    storage: readStorage(),
    requests: readRequests(since, OURS),
    elements: readElements(OURS),
    // The order of dataLayer is checked at the first look; the colours of the banner and the
    // panel at the first look each is rendered at.
    ...(first ? {dataLayer: readDataLayer()} : {}),
    contrast: contrastChecks(host, surfaces),
  };
}

/** One collapsed group with a table per kind of finding, or one line when all is well. */
function log(report: AuditReport): void {
  const title = `${LIBRARY_NAME}: ${headline(report)}`;
  if (report.findings.length === 0) {
    console.info(title);
    return;
  }
  console.groupCollapsed(title);
  for (const section of sections(report.findings)) {
    console.log(section.title);
    console.table(section.findings);
  }
  const draft = draftJson(report);
  if (draft) {
    console.log(
      `Declaration draft for the JSON block inside <cookie-consent> (check each category and purpose):\n${draft}`
    );
  }
  console.groupEnd();
}

// Imported by `<cookie-consent audit>` once it runs the page (the core keeps no more than the import).
if (session.host) startAudit(session.host as unknown as AuditHost);

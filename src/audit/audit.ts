/**
 * `<cookie-consent audit>`: a lazy chunk, loaded only with the attribute, that watches the page
 * and tells the site what it forgot. It takes a look once the page has loaded and again after each
 * decision, reports each look in the console (one collapsed group with tables, or one line when
 * all is well) and as a `cookie-consent-audit` event whose `detail` holds the same findings. It
 * only reads: it gates nothing, writes no cookie and changes nothing in the page.
 */
import {declarationsOf} from '../core/declarations.js';
import {CATEGORIES, OPTIONAL_CATEGORIES} from '../core/decision.js';
import {CookieConsentChangeEvent} from '../core/events.js';
import {LIBRARY_NAME} from '../core/log.js';
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

/** How long after the page's load, or a decision, the audit looks: scripts that were let run have run by then. */
const SETTLE_MS = 800;
/** The library's own files, left out of what the page loads. */
const OURS = new URL('./', import.meta.url).href;

const started = new WeakSet<AuditHost>();

/** Starts the audit of the page `host` runs (once per element). */
export function startAudit(host: AuditHost): void {
  if (started.has(host)) return;
  started.add(host);
  const seen = new Set<string>();
  const elementsSeen = new Set<string>();
  let since = 0;
  let first = true;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const look = async () => {
    await host.updateComplete;
    const observation = await observe(host, since, first);
    const elements = observation.elements;
    observation.elements = elements.filter(({src}) => !elementsSeen.has(src));
    for (const {src} of elements) elementsSeen.add(src);
    const report = audit(observation, seen);
    for (const name of seenNames(observation)) seen.add(name);
    first = false;
    log(report);
    host.dispatchEvent(new CookieConsentAuditEvent(report));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void look(), SETTLE_MS);
  };

  host.addEventListener(CookieConsentChangeEvent.type, (event) => {
    if (event.detail.reason === 'stored') return;
    since = performance.now();
    later();
  });
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, {once: true});
}

function phaseNow(): Phase {
  const decision = session.store.decision;
  if (!decision) return 'before-consent';
  return OPTIONAL_CATEGORIES.some((category) => decision.consent[category]) ? 'after-consent' : 'after-refusal';
}

async function observe(host: AuditHost, since: number, first: boolean): Promise<Observation> {
  const consent = session.store.consent;
  const declarations = declarationsOf(host);
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
    requests: readRequests(since),
    elements: readElements(OURS),
    // The order of dataLayer and the colours are checked once, at the first look.
    ...(first ? {dataLayer: readDataLayer(), contrast: contrastChecks(host)} : {}),
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

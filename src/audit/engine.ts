/**
 * The audit's engine: findings from what was observed on a page. Pure functions on plain data,
 * with no DOM, so that the in-browser audit (`audit.ts`) and the command-line audit
 * (`bin/cookie-consent-elements.mjs`, from `lib/audit/`) judge alike.
 */
import {OPTIONAL_CATEGORIES} from '../core/decision.js';
import {declarationDraft} from './draft.js';
import {knownCookie, knownHost} from './hosts.js';
import {
  declarationOf,
  declaredPattern,
  originOf,
  type AuditReport,
  type ContrastCheck,
  type Finding,
  type FindingKind,
  type Observation,
  type ObservedElement,
  type Phase,
} from './observation.js';

export * from './observation.js';
export {declarationDraft, lifetime, mergeDrafts, nameFamily} from './draft.js';
export {knownCookie, knownHost, KNOWN_COOKIES, KNOWN_HOSTS} from './hosts.js';

const finding = (
  kind: FindingKind,
  severity: Finding['severity'],
  phase: Phase,
  subject: string,
  category: string,
  message: string,
  fix = ''
): Finding => ({kind, severity, phase, subject, category, message, fix});

const PHASE_WORDS: Record<Phase, string> = {
  'before-consent': 'before any decision',
  'after-refusal': 'after the refusal',
  'after-consent': 'after consent',
};

/** The markup that gates an element, for its most likely category. */
export function gatingFix(element: ObservedElement, category: string): string {
  const gate = `data-cookie-consent="${category}"`;
  if (element.tag === 'script') return `<script type="text/plain" ${gate} src="${element.src}"></script>`;
  if (element.tag === 'img') return `<img ${gate} data-src="${element.src}" alt="">`;
  return `<iframe ${gate} data-src="${element.src}"></iframe>`;
}

/** What a page does that its visitor did not agree to: cookies, storage, requests and scripts. */
function leaks(observation: Observation): Finding[] {
  const {phase, declared, allowed, cookieName} = observation;
  const out: Finding[] = [];
  const when = PHASE_WORDS[phase];
  for (const {name} of observation.cookies) {
    if (name === cookieName) continue;
    const entry = declarationOf(declared, name);
    if (entry && allowed.includes(entry.category)) continue;
    const guess = entry?.category ?? knownCookie(name)?.category ?? 'unknown';
    out.push(
      finding(
        'cookie',
        'leak',
        phase,
        name,
        guess,
        entry
          ? `The cookie ${name}, declared as ${entry.category}, is there ${when}.`
          : `The cookie ${name} is there ${when}, and is not declared.`,
        entry
          ? `Gate the script that sets it on "${entry.category}".`
          : 'Declare it (necessary if it is), or gate what sets it.'
      )
    );
  }
  for (const {type, name} of observation.storage) {
    const entry = declarationOf(declared, name, type);
    if (entry && allowed.includes(entry.category)) continue;
    out.push(
      finding(
        'storage',
        'leak',
        phase,
        `${type}: ${name}`,
        entry?.category ?? 'unknown',
        `The ${type} key ${name} is there ${when}${entry ? `, declared as ${entry.category}` : ', and is not declared'}.`,
        entry
          ? `Gate the script that writes it on "${entry.category}".`
          : `Declare it with "type": "${type}", or gate what writes it.`
      )
    );
  }
  const page = originOf(observation.pageUrl);
  const seen = new Set<string>();
  for (const {url, initiator} of observation.requests) {
    const origin = originOf(url);
    if (!origin || origin === page || !/^https?:/.test(origin) || seen.has(url)) continue;
    seen.add(url);
    const known = knownHost(url);
    if (known && allowed.includes(known.category)) continue;
    out.push(
      finding(
        'request',
        known ? 'leak' : 'warning',
        phase,
        url,
        known?.category ?? 'unknown',
        `A request to ${known ? `${known.provider} (${known.what})` : 'another origin'} is made ${when}${initiator ? ` by ${initiator}` : ''}.`,
        known
          ? 'Gate the element or script that makes it (see the trackers found).'
          : 'Make sure it is essential; else gate what makes it.'
      )
    );
  }
  for (const element of observation.elements) {
    if (element.gated) continue;
    const known = knownHost(element.src);
    if (known) {
      if (allowed.includes(known.category)) continue;
      out.push(
        finding(
          'tracker',
          'leak',
          phase,
          element.src,
          known.category,
          `An ungated ${element.tag} of ${known.provider} (${known.what}) is on the page ${when}.`,
          gatingFix(element, known.category)
        )
      );
    } else if (element.tag === 'script' && originOf(element.src) !== page && /^https?:/.test(element.src)) {
      out.push(
        finding(
          'script',
          'warning',
          phase,
          element.src,
          'unknown',
          `A script from another origin runs ungated ${when}.`,
          `If it is not essential: ${gatingFix(element, 'performance')} (with its real category).`
        )
      );
    }
  }
  return out;
}

const GTAG_COMMANDS = ['config', 'event', 'js'];

/** Google tag commands on `dataLayer` before the Consent Mode default (or with none at all). */
export function consentModeOrder(dataLayer: readonly string[][] | undefined, phase: Phase): Finding[] {
  if (!dataLayer) return [];
  const index = dataLayer.findIndex(([command, action]) => command === 'consent' && action === 'default');
  const before = (index < 0 ? dataLayer : dataLayer.slice(0, index)).filter(
    ([command], position, all) =>
      GTAG_COMMANDS.includes(command) && all.findIndex(([other]) => other === command) === position
  );
  return before.map(([command, action]) =>
    finding(
      'consent-mode-order',
      'leak',
      phase,
      `gtag('${command}'${action && command !== 'js' ? `, '${action}'` : ''})`,
      'performance',
      index < 0
        ? `gtag('${command}') is on dataLayer with no Consent Mode default: Google's tags assume consent.`
        : `gtag('${command}') is on dataLayer before the Consent Mode default: Google's tags read it as granted.`,
      'Load dist/consent-mode.js as the first script in <head>, before the snippet, or gate the snippet: <script type="text/plain" data-cookie-consent="performance">…</script>.'
    )
  );
}

/** After consent: cookies not declared (with a draft), declared ones never seen, categories not offered. */
function declarationFindings(observation: Observation, seenNames: ReadonlySet<string>): Finding[] {
  const {phase, declared, offered} = observation;
  const out: Finding[] = [];
  for (const category of new Set(declared.map((entry) => entry.category))) {
    if (category === 'necessary' || offered.includes(category)) continue;
    out.push(
      finding(
        'not-offered',
        'warning',
        phase,
        category,
        category,
        `Items are declared as ${category}, which is not offered: the visitor cannot grant or refuse them.`,
        `Add ${category} to the categories attribute, or move the items to an offered category.`
      )
    );
  }
  if (phase !== 'after-consent') return out;
  for (const {name} of observation.cookies) {
    if (name === observation.cookieName || declarationOf(declared, name)) continue;
    const known = knownCookie(name);
    out.push(
      finding(
        'undeclared',
        'warning',
        phase,
        name,
        known?.category ?? 'unknown',
        `The cookie ${name} is set after consent but not declared: withdrawing cannot delete it.`,
        'Add it to the JSON block inside <cookie-consent> (see the draft).'
      )
    );
  }
  for (const entry of declared) {
    if (!observation.allowed.includes(entry.category) || entry.category === 'necessary') continue;
    const matches = declaredPattern(entry);
    if ([...seenNames].some((name) => matches(name))) continue;
    out.push(
      finding(
        'unseen',
        'info',
        phase,
        entry.name,
        entry.category,
        `The declared ${entry.type} ${entry.name} was not seen after consent.`,
        'Check the name (and match pattern) against what the browser shows, or remove it if it is gone.'
      )
    );
  }
  return out;
}

/** The custom property that sets the colour a check measures. */
export function contrastProperty({part, aspect}: Pick<ContrastCheck, 'part' | 'aspect'>): string {
  const primary = /^(accept|reject)/.test(part);
  if (primary) return aspect === 'text' ? '--cookie-consent-accent-color' : '--cookie-consent-accent';
  if (aspect === 'border') return '--cookie-consent-border-color';
  return part === 'policy-link' ? '--cookie-consent-accent' : '--cookie-consent-color';
}

/** Colour pairs of the banner and panel under their minimum (4.5:1 for text, 3:1 for a button's fill or border). */
export function contrastFindings(checks: readonly ContrastCheck[] | undefined, phase: Phase): Finding[] {
  return (checks ?? [])
    .filter((check) => check.ratio < check.minimum)
    .map((check) =>
      finding(
        'contrast',
        'warning',
        phase,
        `${check.surface} ${check.part} (${check.aspect}, ${check.scheme})`,
        '',
        `In the ${check.scheme} scheme, the ${check.surface}'s ${check.part} ${check.aspect === 'text' ? 'text' : check.aspect} has ${check.ratio.toFixed(2)}:1 (${check.foreground} on ${check.background}); it needs ${check.minimum}:1.`,
        `Set ${contrastProperty(check)} for the ${check.scheme} scheme too (@media (prefers-color-scheme: ${check.scheme}) { cookie-consent { ${contrastProperty(check)}: …; } }), or force a scheme with theme="${check.scheme === 'dark' ? 'light' : 'dark'}".`
      )
    );
}

/** The names of every cookie and key seen. */
export function seenNames(observation: Observation): Set<string> {
  return new Set([...observation.cookies.map(({name}) => name), ...observation.storage.map(({name}) => name)]);
}

/**
 * The findings of one look at a page. `earlier` names (cookies and keys) seen in earlier looks
 * count as seen for "declared but never seen".
 */
export function audit(observation: Observation, earlier: Iterable<string> = []): AuditReport {
  const {phase} = observation;
  const findings: Finding[] = [];
  if (!observation.hasElement) {
    findings.push(
      finding(
        'no-element',
        'warning',
        phase,
        observation.pageUrl,
        '',
        'The page has no <cookie-consent>: nothing asks for consent, so everything below happens without it.',
        'Add <cookie-consent> first in <body>.'
      )
    );
  }
  if (phase !== 'after-consent') findings.push(...leaks(observation));
  else if (OPTIONAL_CATEGORIES.some((category) => !observation.allowed.includes(category))) {
    // After consent to some categories, what belongs to none known is not judged a leak: an
    // undeclared cookie is reported as such, and an unknown origin may be one the visitor allowed.
    findings.push(...leaks(observation).filter((item) => item.category !== 'unknown'));
  }
  findings.push(...consentModeOrder(observation.dataLayer, phase));
  findings.push(...declarationFindings(observation, new Set([...earlier, ...seenNames(observation)])));
  findings.push(...contrastFindings(observation.contrast, phase));
  return {page: observation.pageUrl, phase, findings, draft: declarationDraft(observation)};
}

/** Whether a report holds anything non-essential happening without consent. */
export function hasLeak(report: AuditReport): boolean {
  return report.findings.some((item) => item.severity === 'leak');
}

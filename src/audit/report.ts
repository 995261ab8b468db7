/**
 * The audit's reports for people: console sections (the in-browser audit) and Markdown (the
 * command-line audit), from the same findings. No DOM here.
 */
import {mergeDrafts} from './draft.js';
import type {AuditReport, Finding, FindingKind, Phase} from './observation.js';

export const PHASE_TITLES: Record<Phase, string> = {
  'before-consent': 'Before any decision',
  'after-refusal': 'After a refusal',
  'after-consent': 'After consent',
};

/** Each kind of finding, as its section is headed. */
export const KIND_TITLES: Record<FindingKind, string> = {
  'no-element': 'No <cookie-consent> on the page',
  tracker: 'Ungated trackers and embeds (with the markup that gates each)',
  cookie: 'Cookies without consent',
  storage: 'Storage keys without consent',
  request: 'Requests to other origins',
  script: 'Scripts from other origins that ran ungated',
  'consent-mode-order': 'Consent Mode order',
  undeclared: 'Cookies not declared',
  unseen: 'Declared but not seen',
  'not-offered': 'Declared in a category not offered',
  contrast: 'Contrast of the banner and panel',
};

const KINDS = Object.keys(KIND_TITLES) as FindingKind[];

export interface Section {
  title: string;
  findings: Finding[];
}

/** The findings grouped by kind, in a fixed order, without empty groups. */
export function sections(findings: readonly Finding[]): Section[] {
  return KINDS.map((kind) => ({
    title: KIND_TITLES[kind],
    findings: findings.filter((item) => item.kind === kind),
  })).filter((section) => section.findings.length > 0);
}

/** "2 leaks, 1 warning", or "all well". */
export function tally(findings: readonly Finding[]): string {
  const count = (severity: Finding['severity'], word: string) => {
    const n = findings.filter((item) => item.severity === severity).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? '' : 's'}`];
  };
  const parts = [...count('leak', 'leak'), ...count('warning', 'warning'), ...count('info', 'note')];
  return parts.length > 0 ? parts.join(', ') : 'all well';
}

/** The one line of a look at a page: what was looked at, and the tally. */
export function headline(report: AuditReport): string {
  const rest = report.findings.length === 0 ? ', nothing to report' : '';
  return `audit of ${report.page}, ${PHASE_TITLES[report.phase].toLowerCase()}: ${tally(report.findings)}${rest}.`;
}

/** The draft as the JSON to paste into the block inside `<cookie-consent>`. */
export function draftJson(report: AuditReport): string | null {
  return report.draft ? JSON.stringify(report.draft, null, 2) : null;
}

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => (text ? `\`${text.replace(/`/g, "'")}\`` : '');

/** One page's looks as Markdown: a table per phase, then the declaration draft. */
export function markdownPage(page: string, reports: readonly AuditReport[]): string {
  const lines = [`## ${page}`, ''];
  for (const report of reports) {
    lines.push(`### ${PHASE_TITLES[report.phase]}: ${tally(report.findings)}`, '');
    if (report.findings.length === 0) continue;
    lines.push('| Severity | Finding | Subject | Category | Fix |', '| --- | --- | --- | --- | --- |');
    for (const section of sections(report.findings)) {
      for (const item of section.findings) {
        lines.push(
          `| ${item.severity} | ${cell(item.message)} | ${cell(code(item.subject))} | ${item.category} | ${cell(code(item.fix))} |`
        );
      }
    }
    lines.push('');
  }
  const draft = mergeDrafts(reports.map((report) => report.draft));
  if (draft) lines.push('### Declaration draft', '', '```json', JSON.stringify(draft, null, 2), '```', '');
  return lines.join('\n');
}

/** The per-page summary table: the tally of each phase. */
export function markdownSummary(pages: ReadonlyMap<string, readonly AuditReport[]>): string {
  const phases = Object.keys(PHASE_TITLES) as Phase[];
  const lines = [
    `| Page | ${phases.map((phase) => PHASE_TITLES[phase]).join(' | ')} |`,
    `| --- | ${phases.map(() => '---').join(' | ')} |`,
  ];
  for (const [page, reports] of pages) {
    const tallies = phases.map((phase) => {
      const report = reports.find((each) => each.phase === phase);
      return report ? tally(report.findings) : 'not checked';
    });
    lines.push(`| ${cell(page)} | ${tallies.join(' | ')} |`);
  }
  return lines.join('\n');
}

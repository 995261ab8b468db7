/**
 * `<cookie-consent audit>` on whole pages (the built bundle): each planted mistake is found, a
 * clean page gets one line saying all is well, the console shows what the event holds, and a page
 * without the attribute never fetches the audit chunk.
 */
import {expect} from '@open-wc/testing';
import type {AuditReport, Finding} from '../../src/audit/engine.js';
import {until} from '../support/helpers.js';
import {freshSiteFrameEachTest, type SiteFrame, type SiteWindow} from '../support/site-frame.js';

type AuditWindow = SiteWindow & {
  audit: {reports: AuditReport[]; tables: Finding[][]; groups: string[]; lines: string[]};
};

let site: SiteFrame;
freshSiteFrameEachTest((frame) => (site = frame));
afterEach(() => localStorage.clear());

async function open(path: string): Promise<AuditWindow> {
  const win = (await site.open(path)) as AuditWindow;
  await until(() => win.audit.reports.length > 0, 'the first look', 5000);
  return win;
}

async function nextLook(win: AuditWindow, decide: () => void): Promise<AuditReport> {
  const before = win.audit.reports.length;
  decide();
  await until(() => win.audit.reports.length > before, 'the look after the decision', 5000);
  return win.audit.reports.at(-1)!;
}

const subjects = (report: AuditReport, kind: Finding['kind']) =>
  report.findings.filter((item) => item.kind === kind).map((item) => item.subject);

const auditFiles = (win: Window) =>
  win.performance.getEntriesByType('resource').filter((entry) => /\/dist\/audit-[\w-]{8}\.js$/.test(entry.name));

describe('the in-browser audit', () => {
  it('finds the ungated tracker, the config before the default, and what happens after a refusal', async () => {
    const win = await open('/test/pages/audit/planted.html');
    const first = win.audit.reports[0];
    expect(first.phase).to.equal('before-consent');
    const tracker = first.findings.find((item) => item.kind === 'tracker')!;
    expect(tracker.subject).to.match(/^http:\/\/www\.googletagmanager\.com:\d+\/test\/pages\/audit\/tracker\.js$/);
    expect(tracker.category).to.equal('performance');
    expect(tracker.severity).to.equal('leak');
    expect(tracker.fix).to.equal(
      `<script type="text/plain" data-cookie-consent="performance" src="${tracker.subject}"></script>`
    );
    expect(subjects(first, 'cookie')).to.include.members(['_ga', '_ga_ABC123XYZ']);
    expect(subjects(first, 'storage')).to.deep.equal(['localStorage: _hjTLDTest']);
    expect(subjects(first, 'request')).to.include(tracker.subject);
    expect(subjects(first, 'consent-mode-order')).to.deep.equal(["gtag('js')", "gtag('config', 'G-TEST')"]);

    const refused = await nextLook(win, () => site.element.rejectAll());
    expect(refused.phase).to.equal('after-refusal');
    const late = refused.findings.filter((item) => item.kind === 'tracker');
    expect(late.map((item) => item.subject)).to.deep.equal([
      `http://static.hotjar.com:${win.location.port}/test/pages/audit/tracker.js?after-refusal`,
    ]);
    expect(subjects(refused, 'cookie')).to.include('_ga');

    // reset() withdraws everything: what it cannot delete (nothing declared it) is still there.
    const forgotten = await nextLook(win, () => site.element.reset());
    expect(forgotten.phase).to.equal('before-consent');
    expect(subjects(forgotten, 'cookie')).to.include.members(['_ga', '_ga_ABC123XYZ']);
    expect(site.errors).to.deep.equal([]);
  });

  it('drafts a declaration for the cookies set after consent that nobody declared', async () => {
    const win = await open('/test/pages/audit/planted.html');
    const consented = await nextLook(win, () => site.element.acceptAll());
    expect(consented.phase).to.equal('after-consent');
    expect(subjects(consented, 'undeclared')).to.include.members(['promo_seen', '_ga', '_ga_ABC123XYZ']);
    expect(subjects(consented, 'unseen')).to.deep.equal(['_stats']);
    const draft = consented.draft!.cookies;
    // Two years asked for, 400 days kept: the browser caps a cookie's lifetime.
    expect(draft.performance).to.deep.include({
      name: '_ga_*',
      match: '^_ga_',
      provider: 'Google Analytics',
      expires: '13 months',
      purpose: 'Statistics: tells visits apart and counts how the site is used',
    });
    expect(draft.necessary!.map((item) => item.name)).to.deep.equal(['promo_seen']);
    expect(draft.necessary![0].expires).to.equal('30 days');
  });

  it('stays silent on a clean page but for one line saying so, before and after each decision', async () => {
    const win = await open('/test/pages/audit/clean.html');
    expect(win.audit.reports[0].findings).to.deep.equal([]);
    expect(win.audit.reports[0].draft).to.equal(null);
    const consented = await nextLook(win, () => site.element.acceptAll());
    expect(consented.findings).to.deep.equal([]);
    expect(win.document.cookie).to.contain('_ga=');
    expect(win.audit.groups).to.deep.equal([]);
    expect(win.audit.tables).to.deep.equal([]);
    expect(win.audit.lines).to.have.length(2);
    expect(win.audit.lines[0]).to.match(
      /^cookie-consent-elements: audit of http:\/\/.+\/clean\.html, before any decision: all well, nothing to report\.$/
    );
    expect(win.audit.lines[1]).to.contain('after consent: all well');
    expect(auditFiles(win)).to.have.length(1);
  });

  it('shows in the console, one collapsed group with a table per kind, what the event holds', async () => {
    const win = await open('/test/pages/audit/planted.html');
    const [report] = win.audit.reports;
    expect(win.audit.groups).to.have.length(1);
    expect(win.audit.groups[0]).to.match(/^cookie-consent-elements: audit of .+, before any decision: \d+ leaks/);
    expect(win.audit.tables.flat()).to.have.deep.members(JSON.parse(JSON.stringify(report.findings)));
    for (const table of win.audit.tables) expect(new Set(table.map((item) => item.kind)).size).to.equal(1);
  });

  it('finds the accent a site set for light backgrounds too dark for the dark scheme', async () => {
    const win = await open('/test/pages/audit/contrast.html');
    const contrast = win.audit.reports[0].findings.filter((item) => item.kind === 'contrast');
    expect(contrast.map((item) => item.subject)).to.have.members([
      'banner accept (fill, dark)',
      'banner reject (fill, dark)',
    ]);
    expect(contrast[0].fix).to.contain('--cookie-consent-accent');
    expect(contrast[0].message).to.match(/dark scheme.+#1f2a44 on #1c1f24/);

    // The panel, once opened, is measured at the next look.
    await site.element.showPreferences();
    const after = await nextLook(win, () => site.element.acceptAll());
    expect(subjects(after, 'contrast')).to.have.members([
      'panel accept-all (fill, dark)',
      'panel reject-all (fill, dark)',
    ]);
  });

  it('is never fetched by a page without the attribute', async () => {
    let win = await site.open('/test/pages/site.html');
    site.ui.click('reject');
    await site.element.updateComplete;
    expect(auditFiles(win)).to.deep.equal([]);
    win = await site.reload();
    expect(auditFiles(win)).to.deep.equal([]);
  });
});

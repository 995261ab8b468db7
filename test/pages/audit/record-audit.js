// Records what the audit reports, in the console and as events, for the audit tests. It passes
// every call on, so the console still shows the report.
window.audit = {reports: [], tables: [], groups: [], lines: []};
document.addEventListener('cookie-consent-audit', (event) => window.audit.reports.push(event.detail));
for (const [method, into] of [
  ['table', 'tables'],
  ['groupCollapsed', 'groups'],
  ['info', 'lines'],
]) {
  const original = console[method].bind(console);
  console[method] = (first, ...rest) => {
    window.audit[into].push(method === 'table' ? JSON.parse(JSON.stringify(first)) : first);
    original(first, ...rest);
  };
}

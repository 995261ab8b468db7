// Stand-in for a third-party analytics tag. The demo page loads it only once "performance" is granted.
// It reports each run, so a bug that runs it twice shows up on the page.
(() => {
  const runs = (window.__demoAnalyticsRuns = (window.__demoAnalyticsRuns || 0) + 1);
  document.cookie = '_demo_analytics=1; path=/';
  const time = new Date().toLocaleTimeString('en-GB', {hour12: false});
  const status = document.getElementById('status-analytics');
  if (!status) return;
  status.textContent = runs === 1 ? `ran at ${time}` : `ran twice! (run ${runs} at ${time})`;
  status.className = runs === 1 ? 'ok' : 'error';
})();

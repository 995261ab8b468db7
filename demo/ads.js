// Stand-in for a third-party advertising tag. The demo page loads it only once "targeting" is granted.
// It reports each run, so a bug that runs it twice shows up on the page.
(() => {
  const runs = (window.__demoAdsRuns = (window.__demoAdsRuns || 0) + 1);
  document.cookie = '_demo_ads=1; path=/';
  const time = new Date().toLocaleTimeString('en-GB', {hour12: false});
  const status = document.getElementById('status-ads');
  if (!status) return;
  status.textContent = runs === 1 ? `ran at ${time}` : `ran twice! (run ${runs} at ${time})`;
  status.className = runs === 1 ? 'ok' : 'error';
})();

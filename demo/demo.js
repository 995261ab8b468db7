// Demo page logic: the event log, the cookie list, the reset button and the layout and theme switches.
// A classic script from a file, so the page works under a strict Content Security Policy.
(() => {
  const CATEGORIES = ['necessary', 'performance', 'functionality', 'targeting'];
  const element = () => document.querySelector('cookie-consent');
  const clock = () => new Date().toLocaleTimeString('en-GB', {hour12: false});

  function showCookies() {
    const out = document.getElementById('status-cookies');
    if (!out) return;
    const names = document.cookie
      .split(';')
      .map((pair) => pair.split('=')[0].trim())
      .filter(Boolean);
    out.textContent = names.length ? names.join(', ') : 'none';
  }

  function logEvent(detail) {
    const log = document.getElementById('event-log');
    if (!log) return;
    const granted = CATEGORIES.filter((category) => detail.consent?.[category]);
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = new Date().toISOString();
    time.textContent = clock();
    const reason = document.createElement('strong');
    reason.textContent = detail.reason;
    const lines = [`granted: ${granted.join(', ') || 'none'}`, `changed: ${detail.changed?.join(', ') || 'none'}`];
    item.append(time, ' ', reason);
    for (const line of lines) {
      const span = document.createElement('span');
      span.textContent = line;
      item.append(span);
    }
    log.prepend(item);
    document.getElementById('event-log-empty')?.remove();
  }

  // Registered before the library's module runs, so the "stored" event on load is heard too.
  document.addEventListener('cookie-consent-change', (event) => {
    logEvent(event.detail);
    showCookies();
    // Cookies of a withdrawn category may be deleted just after the event.
    setTimeout(showCookies, 100);
  });

  document.addEventListener('DOMContentLoaded', () => {
    showCookies();
    // Gated scripts set cookies at any time; a light poll keeps the list honest.
    setInterval(showCookies, 1000);

    document.getElementById('reset-decision')?.addEventListener('click', async () => {
      await customElements.whenDefined('cookie-consent');
      element()?.reset();
    });

    const form = document.getElementById('demo-controls');
    form?.addEventListener('submit', (event) => event.preventDefault());
    for (const name of ['layout', 'theme']) {
      const select = document.getElementById(`${name}-select`);
      if (!select) continue;
      select.value = element()?.getAttribute(name) || select.value;
      select.addEventListener('change', () => element()?.setAttribute(name, select.value));
    }
  });
})();

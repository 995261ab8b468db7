// The banner playground: a form whose settings are shown live on the page's own <cookie-consent>,
// and written out as the code a site would paste. A classic script from a file, so the page works
// under a strict Content Security Policy.
(() => {
  const CATEGORIES = ['performance', 'functionality', 'targeting'];
  const TEXT_KEYS = ['title', 'message', 'accept', 'reject', 'preferences'];
  /** Colour inputs by id, and the custom property each one sets. */
  const COLOURS = {
    accent: '--cookie-consent-accent',
    background: '--cookie-consent-background',
    color: '--cookie-consent-color',
  };
  /** The preview keeps its decision in a cookie of its own, so the rest of the demo keeps the visitor's. */
  const PREVIEW_COOKIE = 'playground_consent';
  const SCRIPT_URL = '/path/to/dist/cookie-consent.js';
  // Changes that come one after another (typing) rebuild the preview once they pause.
  const REBUILD_DELAY = 250;

  const $ = (id) => document.getElementById(id);
  const element = () => document.querySelector('cookie-consent');

  /** What the form asks for now. */
  function settings() {
    const colours = {};
    for (const [id, property] of Object.entries(COLOURS)) {
      if ($(`set-${id}`).checked) colours[property] = $(id).value;
    }
    const lang = $('lang').value;
    const words = {};
    for (const key of TEXT_KEYS) {
      const value = $(`text-${key}`).value.trim();
      if (value) words[key] = value;
    }
    return {
      layout: $('layout').value,
      theme: $('theme').value,
      colours,
      categories: CATEGORIES.filter((category) => $(`category-${category}`).checked),
      lang,
      policyUrl: $('policy-url').value.trim(),
      googleConsentMode: $('google-consent-mode').checked,
      // Texts are given for the language chosen; with the page's own language, for English (this page's).
      texts: Object.keys(words).length ? {[lang || 'en']: words} : undefined,
    };
  }

  /** The attributes of `<cookie-consent>` for these settings, defaults left out, in a stable order. */
  function attributes(s) {
    const list = [];
    if (s.policyUrl) list.push(['policy-url', s.policyUrl]);
    if (s.layout !== 'bar') list.push(['layout', s.layout]);
    if (s.theme !== 'auto') list.push(['theme', s.theme]);
    if (s.categories.length < CATEGORIES.length) list.push(['categories', s.categories.join(' ')]);
    if (s.lang) list.push(['lang', s.lang]);
    if (s.googleConsentMode) list.push(['google-consent-mode', '']);
    return list;
  }

  /** JSON for a `<script type="application/json">` block: `<` is escaped, so `</script>` cannot end it. */
  function blockJson(value, indent) {
    return JSON.stringify(value, null, indent).replace(/</g, '\\u003c');
  }

  function escapeAttribute(value) {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  /** The markup a site would paste for these settings. */
  function snippet(s) {
    const lines = ['<!-- In <head> -->', `<script type="module" src="${SCRIPT_URL}"></script>`];
    const colours = Object.entries(s.colours);
    if (colours.length) {
      lines.push('<style>', '  cookie-consent {');
      for (const [property, value] of colours) lines.push(`    ${property}: ${value};`);
      lines.push('  }', '</style>');
    }
    const attrs = attributes(s)
      .map(([name, value]) =>
        value === '' && name !== 'categories' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`
      )
      .join('');
    lines.push('', '<!-- First in <body> -->');
    if (s.texts) {
      lines.push(`<cookie-consent${attrs}>`, '  <script type="application/json">');
      const json = blockJson({texts: s.texts}, 2);
      for (const line of json.split('\n')) lines.push(`    ${line}`);
      lines.push('  </script>', '</cookie-consent>');
    } else {
      lines.push(`<cookie-consent${attrs}></cookie-consent>`);
    }
    lines.push('', '<!-- In your menu or footer -->', '<a href="#" data-cookie-preferences>Cookie Management</a>');
    return lines.join('\n');
  }

  /** Replaces the page's `<cookie-consent>` with one made from these settings; only one runs a page. */
  async function rebuild(s) {
    const next = document.createElement('cookie-consent');
    next.setAttribute('cookie-name', PREVIEW_COOKIE);
    for (const [name, value] of attributes(s)) next.setAttribute(name, value);
    for (const [property, value] of Object.entries(s.colours)) next.style.setProperty(property, value);
    if (s.texts) {
      const block = document.createElement('script');
      block.type = 'application/json';
      block.textContent = blockJson({texts: s.texts});
      next.append(block);
    }
    const old = element();
    if (old) old.replaceWith(next);
    else document.body.prepend(next);
    await customElements.whenDefined('cookie-consent');
    // A choice made in the preview would hide the banner: forget it, so every change is seen.
    if (next.isConnected && next.consent) next.reset();
  }

  /** A colour's picker is on only while its box is ticked. */
  function syncPickers() {
    for (const id of Object.keys(COLOURS)) $(id).disabled = !$(`set-${id}`).checked;
  }

  let timer;
  function changed({rebuildNow = false} = {}) {
    const s = settings();
    $('snippet').textContent = snippet(s);
    $('copy-status').textContent = '';
    clearTimeout(timer);
    if (rebuildNow) void rebuild(s);
    else timer = setTimeout(() => void rebuild(s), REBUILD_DELAY);
  }

  /** Fills the language list from the project's list of shipped locales, named in English. */
  async function listLanguages() {
    const select = $('lang');
    let config;
    try {
      const response = await fetch('../lit-localize.json');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      config = await response.json();
    } catch (error) {
      $('lang-hint').textContent = `The list of languages could not be loaded (${error.message}).`;
      return;
    }
    const names = new Intl.DisplayNames(['en'], {type: 'language'});
    const locales = [config.sourceLocale, ...config.targetLocales]
      .map((code) => ({code, name: names.of(code) ?? code}))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    for (const {code, name} of locales) select.append(new Option(`${name} (${code})`, code));
  }

  async function copy() {
    const text = $('snippet').textContent;
    const status = $('copy-status');
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied. Paste it into your page.';
    } catch {
      // Select the code, so that the visitor's own copy command takes it.
      const range = document.createRange();
      range.selectNodeContents($('snippet'));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      status.textContent =
        'Your browser did not let this page copy. The code is selected: copy it with Ctrl+C (⌘C on a Mac).';
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = $('playground');
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', () => changed());
    form.addEventListener('change', (event) => {
      syncPickers();
      const typed = event.target.type === 'text' || event.target.localName === 'textarea';
      changed({rebuildNow: !typed});
    });

    $('show-banner').addEventListener('click', async () => {
      await customElements.whenDefined('cookie-consent');
      element()?.reset();
    });
    $('show-panel').addEventListener('click', async () => {
      await customElements.whenDefined('cookie-consent');
      await element()?.showPreferences();
    });
    $('copy').addEventListener('click', () => void copy());

    // The browser may have restored the form's values on a reload.
    syncPickers();
    void listLanguages();
    changed({rebuildNow: true});
  });
})();

// Builds only the script-tag files in dist/; npm users get the unbundled modules from `tsc` (lib/).
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import {readFileSync} from 'node:fs';
import {posix} from 'node:path';

const {dirname, join, relative: posixRelative} = posix;
const LOCALES = JSON.parse(readFileSync('lit-localize.json', 'utf8')).targetLocales;

function onwarn(warning, defaultHandler) {
  // tsc's decorator helper reads `this` at module level, where it is undefined by design.
  if (warning.code !== 'THIS_IS_UNDEFINED') defaultHandler(warning);
}

/**
 * Trims the translators' notes (`desc`) of `msg()` from our modules: only the extractor reads them.
 */
function trimNotes() {
  const desc = /,\s*\{\s*desc:\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*,?\s*\}/g;
  return {
    name: 'trim-notes',
    transform(code, id) {
      if (!id.includes('/lib/')) return null;
      const out = code.replace(desc, '');
      return out === code ? null : {code: out, map: null};
    },
  };
}

/**
 * A lazy chunk's own imports are fetched with it, not after it: each \`import('./x.js')\` of a
 * chunk becomes an import of x and of every chunk x imports, all at once, so a first visit waits
 * for one round trip after the core, not one per level of imports.
 */
function preloadImports() {
  return {
    name: 'preload-imports',
    renderChunk(code, chunk, options, {chunks}) {
      const from = dirname(chunk.fileName);
      const out = code.replace(/\bimport\((['"])(\.\.?\/[^'"]+)\1\)/g, (whole, quote, specifier) => {
        const target = join(from, specifier);
        // A locale is asked for beside the runtime it needs (see i18n/localization.ts).
        if (target.startsWith('locales/')) return whole;
        const deps = new Set();
        const visit = (file) => {
          for (const dep of chunks[file]?.imports ?? []) {
            if (dep === chunk.fileName || deps.has(dep)) continue;
            deps.add(dep);
            visit(dep);
          }
        };
        visit(target);
        if (deps.size === 0) return whole;
        const relative = (file) => {
          const path = posixRelative(from, file);
          return path.startsWith('.') ? path : `./${path}`;
        };
        const all = [specifier, ...[...deps].map(relative)].map((path) => `import(${quote}${path}${quote})`);
        return `Promise.all([${all.join(',')}]).then((m)=>m[0])`;
      });
      return out === code ? null : {code: out, map: null};
    },
  };
}

/**
 * In dist/, each locale is an entry of its own (dist/locales/de.js), loaded by one URL pattern
 * instead of one loader per locale, so the list grows by a word per locale. The modules npm users
 * get keep one loader each, which every bundler can follow.
 */
function localeUrlPattern(locales) {
  return {
    name: 'locale-url-pattern',
    transform(code, id) {
      if (!id.endsWith('/lib/generated/locale-loaders.js')) return null;
      return {
        code: `export const localeLoaders = Object.fromEntries('${locales.join(' ')}'.split(' ').map((locale) => [locale, () => import(\`./locales/\${locale}.js\`)]));`,
        map: null,
      };
    },
  };
}

/**
 * The bundle's own copy of lit-html asks Trusted Types for a policy of its own name,
 * `cookie-consent-elements-lit-html`, not `lit-html`: a page whose own Lit already made `lit-html`
 * under a `trusted-types` allow-list would otherwise make ours fail (names may not repeat there).
 * Another copy of the bundle on the page reuses that policy.
 */
function litHtmlPolicy() {
  return {
    name: 'lit-html-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      // A second copy of the bundle reuses the first's policy, kept on a well-known global: an
      // allow-list without 'allow-duplicates' lets the name be created only once.
      const out = code.replace(
        /(\w+)\.createPolicy\("lit-html",(\{createHTML:(\w+)=>\3\})\)/,
        '(globalThis[Symbol.for("cookie-consent-elements-lit-html")]??=$1.createPolicy("cookie-consent-elements-lit-html",$2))'
      );
      if (out === code) this.error('lit-html no longer calls createPolicy("lit-html"): update litHtmlPolicy()');
      return {code: out, map: null};
    },
    // Whichever file of lit-html was bundled, no chunk may ask for `lit-html` itself.
    generateBundle(options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      if (chunks.some((chunk) => /createPolicy\(\s*["'`]lit-html["'`]/.test(chunk.code))) {
        this.error('a bundled lit-html still makes the "lit-html" Trusted Types policy: update litHtmlPolicy()');
      }
    },
  };
}

/**
 * js-cookie's `get()` reads `document.cookie` twice (\`document.cookie ? document.cookie.split('; ') : []\`),
 * and in Chromium each read is a round trip to the browser's cookie store: on a returning visitor's
 * page it was the largest native cost (bench/RESULTS.md). The bundle's copy reads it once.
 */
function jsCookieSingleRead() {
  const twice = /document\.cookie\s*\?\s*document\.cookie\.split\('; '\)\s*:\s*\[\]/;
  return {
    name: 'js-cookie-single-read',
    transform(code, id) {
      if (!/[\\/]js-cookie[\\/]/.test(id)) return null;
      if (!twice.test(code)) this.error('js-cookie no longer reads document.cookie twice: remove jsCookieSingleRead()');
      return {code: code.replace(twice, "(document.cookie || '').split('; ').filter(Boolean)"), map: null};
    },
  };
}

/**
 * Lit, what our UI and elements share of it (tokens, the consent and locale controllers), and
 * lit-localize's msg() go in one chunk, \`lit-*.js\`, loaded with the first of them that is needed.
 * lit-localize's runtime stays apart: only a page shown in another language than English loads it.
 */
function litChunk(id) {
  // The site's JSON configuration and the check of its texts: only pages that have one load it.
  if (/\/lib\/core\/(site-config|declarations|text-keys)\.js/.test(id)) return 'site-config';
  // The core stays in the entry, which every page view loads, whatever imports it.
  if (
    /\/lib\/(core\/(?!withdrawal|declarations|site-config|text-keys|consent-mode\.|consent-log|version)|cookie-consent\.js|bundle\.js)|js-cookie/.test(
      id
    )
  )
    return 'core';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(id)) return 'lit';
  if (/node_modules\/@lit\/localize\/(internal\/(str-tag|default-msg|locale-status-event)|init\/install)/.test(id))
    return 'lit';
  // The locale list, which the core fetches beside the UI to start the visitor's locale early.
  if (/\/lib\/(i18n\/locale(-preload)?\.js|generated\/locale-(codes|loaders))/.test(id)) return 'locale-list';
  if (/\/lib\/(i18n\/|ui\/(theme\.styles|consent-controller))/.test(id)) return 'lit';
  return undefined;
}

export default [
  {
    // The self-contained script-tag files: the core with js-cookie inside, and lazy chunks (the UI with Lit).
    // Each locale is an entry of its own, dist/locales/de.js (see localeUrlPattern).
    input: {
      'cookie-consent': 'lib/bundle.js',
      ...Object.fromEntries(LOCALES.map((locale) => [`locales/${locale}`, `lib/generated/locales/${locale}.js`])),
    },
    output: {
      dir: 'dist',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      format: 'es',
      sourcemap: true,
      manualChunks: litChunk,
    },
    onwarn,
    plugins: [
      trimNotes(),
      localeUrlPattern(LOCALES),
      // Lit's own minifier for the markup and CSS in html`` and css`` literals.
      minifyLiterals({include: ['lib/**/*.js'], failOnError: true}),
      litHtmlPolicy(),
      jsCookieSingleRead(),
      preloadImports(),
      nodeResolve({browser: true}),
      terser({
        ecma: 2022,
        module: true,
        compress: {passes: 3},
        // V8's compile hint (Chrome 136+): compile every function while the file streams in, off
        // the main thread, instead of on first call. Most of each chunk runs as soon as it loads.
        format: {comments: false, preamble: '//# allFunctionsCalledOnLoad'},
      }),
    ],
  },
  {
    // A classic script for <head>: Consent Mode's default and stored update before Google's tag runs.
    input: 'lib/core/consent-mode-head.js',
    output: {file: 'dist/consent-mode.js', format: 'iife'},
    onwarn,
    plugins: [terser({ecma: 2022, format: {comments: false}})],
  },
];

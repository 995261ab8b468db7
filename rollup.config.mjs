// Builds only the script-tag files in dist/; npm users get the unbundled modules from `tsc` (lib/).
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

function onwarn(warning, defaultHandler) {
  // tsc's decorator helper reads `this` at module level, where it is undefined by design.
  if (warning.code !== 'THIS_IS_UNDEFINED') defaultHandler(warning);
}

/**
 * Trims what the browser never needs from our modules: the translators' notes (`desc`) of `msg()`,
 * which only the extractor reads, and the indentation and comments of our CSS text.
 */
function trim() {
  const desc = /,\s*\{\s*desc:\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*,?\s*\}/g;
  const minifyCss = (css) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .trim();
  return {
    name: 'trim',
    transform(code, id) {
      if (!id.includes('/lib/')) return null;
      let out = code.replace(desc, '');
      if (id.endsWith('.styles.js')) out = out.replace(/`([^`]*)`/g, (_, css) => `\`${minifyCss(css)}\``);
      return out === code ? null : {code: out, map: null};
    },
  };
}

/**
 * Private members of the classes in the bundle (`private` in TypeScript), spelled out: names that
 * also belong to the DOM, js-cookie, lit-localize or an object passed between chunks are left out.
 */
const PRIVATE_MEMBERS = new RegExp(
  `^(${[
    'adoptStyles',
    'allows',
    'banner',
    'basePadding',
    'buildBanner',
    'channel',
    'checkDuplicate',
    'closePanel',
    'controllers',
    'current',
    'decidedSinceLoad',
    'decode',
    'dialog',
    'dispatchReset',
    'duplicate',
    'enqueueScript',
    'focusBeforeBanner',
    'gatekeeper',
    'handled',
    'honourGpc',
    'inset',
    'jar',
    'lastRaw',
    'notify',
    'observer',
    'onDecision',
    'onDocumentClick',
    'onFocusIn',
    'onLocaleStatus',
    'onPanelClosed',
    'onParsed',
    'onReset',
    'openChannel',
    'panelFailed',
    'panelOpen',
    'panelOpener',
    'panelRoot',
    'panelView',
    'parsedHandlerScheduled',
    'postToOtherTabs',
    'prefetch',
    'prefetching',
    'primary',
    'queue',
    'readRaw',
    'removeCookie',
    'requested',
    'restoreFocus',
    'running',
    'runningElsewhere',
    'saved',
    'scan',
    'sendRecord',
    'showBanner',
    'statusRegion',
    'store',
    'storeAttributes',
    'stylesAdopted',
    'switched',
    'syncStore',
    'syncTopLayer',
    'takeOver',
    'updateScheduled',
    'updating',
    'validCookieDomain',
  ].join('|')})$`
);

/**
 * The bundle's own copy of lit-html asks Trusted Types for a policy of its own name,
 * `cookie-consent-elements-lit-html`, not `lit-html`: a page whose own Lit already made `lit-html`
 * under a `trusted-types` allow-list would otherwise make ours fail (names may not repeat there).
 */
function litHtmlPolicy() {
  return {
    name: 'lit-html-policy',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      const out = code.replace('createPolicy("lit-html"', 'createPolicy("cookie-consent-elements-lit-html"');
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

export default [
  {
    // The self-contained bundle: Lit and js-cookie inside.
    input: 'lib/bundle.js',
    output: {
      dir: 'dist',
      entryFileNames: 'cookie-consent.js',
      // Each locale is a lazy chunk beside the bundle: dist/locales/de.js, loaded relative to it.
      chunkFileNames: (chunk) =>
        chunk.facadeModuleId?.includes('/generated/locales/') ? 'locales/[name].js' : '[name]-[hash].js',
      format: 'es',
      sourcemap: true,
    },
    onwarn,
    plugins: [
      trim(),
      litHtmlPolicy(),
      nodeResolve({browser: true}),
      terser({
        ecma: 2021,
        module: true,
        compress: {passes: 3},
        // Our private members are renamed too: they are never read from outside their class.
        mangle: {properties: {regex: PRIVATE_MEMBERS}},
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
    plugins: [terser({ecma: 2021, format: {comments: false}})],
  },
];

// Builds only the script-tag files in dist/; npm users get the unbundled modules from `tsc` (lib/).
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

function onwarn(warning, defaultHandler) {
  // tsc's decorator helper reads `this` at module level, where it is undefined by design.
  if (warning.code !== 'THIS_IS_UNDEFINED') defaultHandler(warning);
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
    plugins: [nodeResolve({browser: true}), terser({ecma: 2021, module: true, format: {comments: false}})],
  },
  {
    // A classic script for <head>: Consent Mode's default and stored update before Google's tag runs.
    input: 'lib/consent-mode-head.js',
    output: {file: 'dist/consent-mode.js', format: 'iife'},
    onwarn,
    plugins: [terser({ecma: 2021, format: {comments: false}})],
  },
];

// Builds only the self-contained script-tag bundle; npm users get the unbundled modules from `tsc` (lib/).
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: 'lib/bundle.js',
  output: {
    dir: 'dist',
    entryFileNames: 'cookie-consent.js',
    chunkFileNames: '[name]-[hash].js',
    format: 'es',
    sourcemap: true,
  },
  onwarn(warning, defaultHandler) {
    // tsc's decorator helper reads `this` at module level, where it is undefined by design.
    if (warning.code !== 'THIS_IS_UNDEFINED') defaultHandler(warning);
  },
  plugins: [nodeResolve({browser: true}), terser({ecma: 2021, module: true, format: {comments: false}})],
};

import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {a11ySnapshotPlugin} from '@web/test-runner-commands/plugins';
import {CHROME_ARGS, chromePath} from './scripts/chrome.mjs';
import {summaryReporter} from './scripts/summary-reporter.mjs';
import {testCommands} from './scripts/test-commands.mjs';

const STRICT_CSP =
  "script-src 'nonce-test-nonce' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none'";
const TRUSTED_TYPES = "; require-trusted-types-for 'script'";
/** The policies a page lists when it names them: ours, the bundle's lit-html copy's, and the page's own Lit's. */
const TRUSTED_TYPES_ALLOW_LIST = '; trusted-types cookie-consent-elements cookie-consent-elements-lit-html lit-html';

/**
 * Test pages: `?delay=ms` slows a response (to check script order); `csp*` and `strict*` pages get a
 * strict CSP, and with `?trusted-types` they also require Trusted Types (`?trusted-types=allow-list`:
 * only the named policies, each made once). `/stale/dist/` serves `dist/` without its `panel-*` and
 * `texts-*` files (404), as a visitor with a cached bundle may find a folder upgraded in place; the
 * test runner then lists those 404s, as expected. `/slow-ui/dist/` serves `dist/` with the UI late.
 */
async function testPagesMiddleware(context, next) {
  if (context.path.startsWith('/stale/dist/')) {
    if (/\/(panel|texts)-[\w-]{8}\.js$/.test(context.path)) {
      context.status = 404;
      return;
    }
    context.path = context.path.slice('/stale'.length);
  }
  // `/slow-ui/dist/`: dist/ with the UI and Lit chunks 400 ms slower, as on a slow network.
  if (context.path.startsWith('/slow-ui/dist/')) {
    context.path = context.path.slice('/slow-ui'.length);
    if (/\/(host-ui|lit)-[\w-]{8}\.js$/.test(context.path)) await new Promise((resolve) => setTimeout(resolve, 400));
  }
  // A second copy of the bundle, as another script of the page may bring.
  if (context.path.startsWith('/copy/dist/')) context.path = context.path.slice('/copy'.length);
  const delay = Number(context.query.delay);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 5000)));
  await next();
  if (/^\/test\/pages\/(csp|strict)/.test(context.path)) {
    const trustedTypes = context.query['trusted-types'];
    context.set(
      'Content-Security-Policy',
      STRICT_CSP +
        (trustedTypes === undefined ? '' : TRUSTED_TYPES) +
        (trustedTypes === 'allow-list' ? TRUSTED_TYPES_ALLOW_LIST : '')
    );
  }
}

/** The audit tests' stand-in trackers: two well-known hosts served by the test server itself. */
const TRACKER_HOSTS = '--host-resolver-rules=MAP www.googletagmanager.com 127.0.0.1, MAP static.hotjar.com 127.0.0.1';

export default {
  middleware: [testPagesMiddleware],
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.json'}), a11ySnapshotPlugin(), testCommands()],
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: chromePath(), headless: true, args: [...CHROME_ARGS, TRACKER_HOSTS]},
    }),
  ],
  // Each file gets a fresh page, but cookies are shared: files run one at a time.
  concurrency: 1,
  testFramework: {config: {timeout: 10000, grep: process.env.TEST_GREP}},
  reporters: [defaultReporter(), summaryReporter()],
};

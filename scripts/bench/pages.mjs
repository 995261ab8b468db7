// What the benchmark loads: the pages (one per library, and two controls), the conditions each is loaded
// under (CPU rates, and one series over an emulated network), and where files are served from and written to.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
/** The folders the pages load from, under the same paths as in the repository. */
export const SERVED_DIRS = [
  'dist',
  'bench/pages',
  'node_modules/vanilla-cookieconsent/dist',
  'node_modules/klaro/dist',
];

/**
 * An expression, evaluated in the page, for the first element of ours matching `[part~=<part>]`, looked for
 * in `<cookie-consent>`'s shadow root and in every open shadow root nested below it (`__bench.deepQuery` is
 * the probe's). Today the banner is in `<cookie-consent>`'s own shadow root; once the UI is a lazy element of
 * its own, it sits one shadow root deeper (`<cookie-consent-banner>`), and this finds it there too.
 */
const oursPart = (part) => `__bench.deepQuery(document.querySelector('cookie-consent')?.shadowRoot, '[part~=${part}]')`;

/**
 * The pages. `banner` and `accept` are expressions evaluated in the page: the library's banner element
 * and a click on its agree button (for the floor, setting its cookie). `cookie` is the decision cookie,
 * awaited before the returning visit. `control` pages load no library and are left out of the sizes.
 */
export const PAGES = [
  {id: 'bare', label: 'bare page (control)', file: 'bare.html', control: true},
  {
    // No library: an inline module reads the cookie and runs the gated script. What any consent tool must at
    // least do for a returning visitor, to set the returning-visitor figures against.
    id: 'floor',
    label: 'floor (control): cookie read and gating only',
    file: 'floor.html',
    control: true,
    accept: `document.cookie = 'floor_consent=performance; path=/'`,
    cookie: 'floor_consent',
  },
  {
    id: 'ours-en',
    label: 'ours (en)',
    file: 'ours-en.html',
    ours: true,
    banner: oursPart('banner'),
    accept: `${oursPart('accept')}.click()`,
    cookie: 'cookie_consent',
  },
  {
    id: 'ours-fr',
    label: 'ours (fr)',
    file: 'ours-fr.html',
    ours: true,
    banner: oursPart('banner'),
    accept: `${oursPart('accept')}.click()`,
    cookie: 'cookie_consent',
  },
  {
    id: 'vanilla',
    label: 'vanilla-cookieconsent',
    package: 'vanilla-cookieconsent',
    file: 'vanilla.html',
    banner: `document.querySelector('#cc-main .cm')`,
    accept: `document.querySelector('#cc-main .cm [data-role=all]').click()`,
    cookie: 'cc_cookie',
  },
  {
    id: 'klaro',
    label: 'klaro',
    package: 'klaro',
    file: 'klaro.html',
    banner: `document.querySelector('.klaro .cookie-notice')`,
    accept: `document.querySelector('.klaro .cookie-notice .cm-btn-success').click()`,
    cookie: 'klaro',
  },
];
for (const page of PAGES) {
  if (!page.package) continue;
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', page.package, 'package.json')));
  page.label = `${page.package} ${manifest.version}`;
}
export const OURS = ['ours-en', 'ours-fr'];
export const PEERS = ['vanilla', 'klaro'];
export const pageById = (id) => PAGES.find((page) => page.id === id);

/**
 * The network the `net` series emulates through CDP (`Network.emulateNetworkConditions`, per tab): 150 ms
 * added to every request's round trip, 1.6 Mbit/s down and 750 kbit/s up. CDP wants bytes per second;
 * 1 Mbit/s is taken as 1,000,000 bit/s. The bench server is on 127.0.0.1, so without it there is no network
 * cost at all.
 */
export const NETWORK = {
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8, // 200,000 B/s
  uploadThroughput: (750 * 1_000) / 8, // 93,750 B/s
};
export const NETWORK_LABEL = '4x CPU, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up';

/**
 * The conditions each run loads pages under, interleaved. The CPU series load every page, a first and a
 * returning visit; the network series loads ours and vanilla-cookieconsent, a first visit only, for
 * "banner visible" when the files have to travel.
 */
export const CONDITIONS = [
  {id: '1x', label: '1x', rate: 1},
  {id: '4x', label: '4x', rate: 4},
  {
    id: 'net',
    label: '4x + network',
    rate: 4,
    network: NETWORK,
    pages: ['ours-en', 'ours-fr', 'vanilla'],
    firstOnly: true,
  },
];
/** The CPU-only conditions: every page, both visits. */
export const CPU_CONDITIONS = CONDITIONS.filter((condition) => !condition.network);
export const pagesOf = (condition) =>
  condition.pages ? PAGES.filter((page) => condition.pages.includes(page.id)) : PAGES;

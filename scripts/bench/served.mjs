// The files under test: a frozen snapshot of what the server serves, the build's id, and the size of what
// each page requested for its library.
import {createHash} from 'node:crypto';
import {copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';
import {PAGES, REPO_ROOT, RESULTS_DIR, SERVED_DIRS} from './pages.mjs';

/**
 * A frozen view of the repository root for the server: the served folders, same paths, every file
 * hard-linked (the same files on disk, not copies). `npm run build` deletes and rewrites dist/, so a rebuild
 * during the run (another terminal, a test run) would otherwise swap or remove the files under test halfway;
 * the links keep the build that is measured. A file is copied only where the file system refuses a link.
 */
export function freezeRoot() {
  const root = join(RESULTS_DIR, `served-${process.pid}`);
  rmSync(root, {recursive: true, force: true});
  for (const dir of SERVED_DIRS) linkTree(join(REPO_ROOT, dir), join(root, dir));
  for (const file of ['dist/cookie-consent.js', 'dist/locales/fr.js']) {
    if (existsSync(join(root, file))) continue;
    rmSync(root, {recursive: true, force: true});
    throw new Error(`${file} is missing: run npm run build (or wait for one to end)`);
  }
  return root;
}

function linkTree(from, to) {
  mkdirSync(to, {recursive: true});
  for (const entry of readdirSync(from, {withFileTypes: true})) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** Names the measured build in the raw results. */
export function buildId(root) {
  return createHash('sha256')
    .update(readFileSync(join(root, 'dist', 'cookie-consent.js')))
    .digest('hex')
    .slice(0, 12);
}

const compressed = (data) => ({
  raw: data.length,
  gzip: gzipSync(data, {level: 9}).length,
  brotli: brotliCompressSync(data, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
});

/**
 * Sizes of the files each page requested from our server on its first visits (its library, CSS, lazy and
 * locale chunks, config), in any condition.
 */
export function sizesOf(records, baseUrl, root) {
  const sizes = {};
  for (const page of PAGES) {
    const urls = new Set(records.filter((r) => r.page === page.id && r.first).flatMap((r) => r.first.resources));
    const files = [...urls]
      .filter((url) => url.startsWith(baseUrl))
      .map((url) => decodeURIComponent(new URL(url).pathname).slice(1))
      .sort()
      .map((file) => ({file, ...compressed(readFileSync(join(root, file)))}));
    const total = (key, list = files) => list.reduce((sum, file) => sum + file[key], 0);
    const js = files.filter((f) => f.file.endsWith('.js'));
    sizes[page.id] = {
      files,
      raw: total('raw'),
      gzip: total('gzip'),
      brotli: total('brotli'),
      jsBrotli: total('brotli', js),
    };
  }
  return sizes;
}

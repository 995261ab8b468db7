// Byte budgets of the built files (bytes are deterministic, unlike timings). Run after `npm run build`.
// The budgets hold today's sizes with a little room; the targets of the size work are lower
// (first visit at most 10 KB brotli, see README "Figures"): lower these as the bundle shrinks.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {brotliCompressSync, constants} from 'node:zlib';

const KB = 1024;
const BUDGETS = {
  'dist/cookie-consent.js': 18 * KB,
  'dist/consent-mode.js': 0.75 * KB,
};
/** The gate and the declaration, loaded only on pages that use them. */
const PAGE_ELEMENTS_BUDGET = 3.5 * KB;
const LOCALE_CHUNK_BUDGET = 2 * KB;

const brotli = (path) =>
  brotliCompressSync(readFileSync(path), {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;

test('the script-tag files stay within their brotli budgets', () => {
  for (const [file, budget] of Object.entries(BUDGETS)) {
    const size = brotli(file);
    console.log(`${file}: ${(size / KB).toFixed(2)} KB brotli (budget ${(budget / KB).toFixed(2)} KB)`);
    assert.ok(size <= budget, `${file} is ${size} bytes brotli, over its budget of ${budget}`);
  }
});

test('the lazy chunk of the gate and the declaration stays within its budget', () => {
  const chunks = readdirSync('dist').filter((name) => /^page-elements-.*\.js$/.test(name));
  assert.equal(chunks.length, 1, `one page-elements chunk, found ${chunks.join(', ')}`);
  const size = brotli(`dist/${chunks[0]}`);
  console.log(
    `dist/${chunks[0]}: ${(size / KB).toFixed(2)} KB brotli (budget ${(PAGE_ELEMENTS_BUDGET / KB).toFixed(2)} KB)`
  );
  assert.ok(size <= PAGE_ELEMENTS_BUDGET, `${chunks[0]} is ${size} bytes brotli, over ${PAGE_ELEMENTS_BUDGET}`);
});

test('each locale chunk stays within 2 KB brotli', () => {
  const chunks = readdirSync('dist/locales').filter((name) => name.endsWith('.js'));
  assert.equal(chunks.length, 42);
  const sizes = chunks.map((name) => [name, brotli(`dist/locales/${name}`)]).sort((a, b) => b[1] - a[1]);
  console.log(
    `largest locale chunks: ${sizes
      .slice(0, 3)
      .map(([name, size]) => `${name} ${(size / KB).toFixed(2)} KB`)
      .join(', ')}`
  );
  for (const [name, size] of sizes) {
    assert.ok(size <= LOCALE_CHUNK_BUDGET, `dist/locales/${name} is ${size} bytes brotli, over ${LOCALE_CHUNK_BUDGET}`);
  }
});

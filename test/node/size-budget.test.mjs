// Byte budgets of the built files (bytes are deterministic, unlike timings). Run after `npm run build`.
// The bundle's budget is the target of the size work: an English first visit loads at most 10 KB
// brotli. The lazy chunks' budgets hold today's sizes with a little room (README "Figures").
// Lower them as the files shrink.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {brotliCompressSync, constants} from 'node:zlib';

const KB = 1024;
/** What a first visit loads (the bundle) and the head script for Consent Mode. */
const BUDGETS = {
  'dist/cookie-consent.js': 10 * KB,
  'dist/consent-mode.js': 0.75 * KB,
};
/**
 * The lazy chunks, each loaded only when used: the preferences panel; the gate and the declaration;
 * lit-html with the category texts they share; lit-localize's runtime (for a translation); Consent
 * Mode; withdrawal and the parser of the JSON block it uses; the decision log.
 */
const CHUNK_BUDGETS = {
  panel: 1.75 * KB,
  elements: 2.6 * KB,
  texts: 3.25 * KB,
  runtime: 1.25 * KB,
  'consent-mode': 0.5 * KB,
  withdrawal: 0.75 * KB,
  declarations: 0.85 * KB,
  'consent-log': 0.4 * KB,
};
const LOCALE_CHUNK_BUDGET = 2 * KB;

const brotli = (path) =>
  brotliCompressSync(readFileSync(path), {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;
const report = (file, size, budget) =>
  console.log(`${file}: ${(size / KB).toFixed(2)} KB brotli (budget ${(budget / KB).toFixed(2)} KB)`);

test('the script-tag files stay within their brotli budgets', () => {
  for (const [file, budget] of Object.entries(BUDGETS)) {
    const size = brotli(file);
    report(file, size, budget);
    assert.ok(size <= budget, `${file} is ${size} bytes brotli, over its budget of ${budget}`);
  }
});

test('the lazy chunks are the expected ones and stay within their budgets', () => {
  const chunks = readdirSync('dist').filter((name) => name.endsWith('.js') && !Object.hasOwn(BUDGETS, `dist/${name}`));
  const names = chunks.map((name) => name.replace(/-[\w-]{8}\.js$/, '')).sort();
  assert.deepEqual(names, Object.keys(CHUNK_BUDGETS).sort(), `lazy chunks: ${chunks.join(', ')}`);
  let total = 0;
  for (const name of chunks) {
    const budget = CHUNK_BUDGETS[name.replace(/-[\w-]{8}\.js$/, '')];
    const size = brotli(`dist/${name}`);
    total += size;
    report(`dist/${name}`, size, budget);
    assert.ok(size <= budget, `${name} is ${size} bytes brotli, over ${budget}`);
  }
  for (const file of Object.keys(BUDGETS)) total += brotli(file);
  console.log(`every chunk but the locales: ${(total / KB).toFixed(2)} KB brotli`);
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

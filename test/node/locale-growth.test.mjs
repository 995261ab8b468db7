// Adding a language must not make every page view pay for it: the core, which every visitor loads,
// does not change size when a locale is added. Builds a copy of the project with one more locale
// and compares its dist/cookie-consent.js with this build's. Run after `npm run build`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const PATHS = ['lit-localize.json', 'tsconfig.json', 'rollup.config.mjs', 'package.json', 'src', 'locales', 'scripts'];

function run(cwd, command, args) {
  const result = spawnSync(command, args, {cwd, encoding: 'utf8'});
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

test('the core does not grow when a locale is added', {timeout: 240_000}, () => {
  assert.ok(existsSync('dist/cookie-consent.js'), 'run npm run build first');
  const {targetLocales} = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
  const locale = ['tlh', 'eo', 'la', 'yo', 'zu'].find((code) => !targetLocales.includes(code));
  const dir = mkdtempSync(join(tmpdir(), 'locale-growth-'));
  try {
    for (const path of PATHS) cpSync(path, join(dir, path), {recursive: true});
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    run(dir, 'node', ['scripts/locales.mjs', 'add', locale]);
    // Every text "translated" as itself, marked as deliberate, so the check lets it build.
    const xliff = join(dir, `locales/${locale}.xlf`);
    writeFileSync(
      xliff,
      readFileSync(xliff, 'utf8')
        .replace(/<trans-unit id="([^"]+)">/g, '<trans-unit id="$1" approved="yes">')
        .replace(/<source>([\s\S]*?)<\/source>/g, '<source>$1</source><target>$1</target>')
    );
    run(dir, 'node', ['scripts/locales.mjs', 'build']);
    run(dir, resolve('node_modules/.bin/tsc'), ['-p', 'tsconfig.json']);
    run(dir, resolve('node_modules/.bin/rollup'), ['-c', '--silent']);
    assert.ok(existsSync(join(dir, `dist/locales/${locale}.js`)), 'the new locale is built');
    const before = readFileSync('dist/cookie-consent.js').length;
    const after = readFileSync(join(dir, 'dist/cookie-consent.js')).length;
    console.log(`core: ${before} bytes with ${targetLocales.length} locales, ${after} with ${locale} added`);
    assert.equal(after, before);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

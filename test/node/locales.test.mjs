// The translators' check: it passes the shipped files and names file, unit and problem for each kind of gap.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const check = (dir) => spawnSync('node', ['scripts/locales.mjs', 'check', ...(dir ? [dir] : [])], {encoding: 'utf8'});
const {targetLocales} = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
/** A language we do not ship, for the tests that add one. */
const NEW_LOCALE = ['cy', 'ca', 'eu', 'gl', 'lb', 'br', 'fy', 'oc', 'rm'].find((code) => !targetLocales.includes(code));

/** A copy of what the locale tools read, in a temporary folder, sharing node_modules. */
function project(paths = ['lit-localize.json', 'tsconfig.json', 'src', 'locales']) {
  const dir = mkdtempSync(join(tmpdir(), 'locales-project-'));
  for (const path of paths) cpSync(path, join(dir, path), {recursive: true});
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  return dir;
}
const run = (dir, ...args) =>
  spawnSync('node', [resolve('scripts/locales.mjs'), ...args], {cwd: dir, encoding: 'utf8'});
const editFile = (path, change) => writeFileSync(path, change(readFileSync(path, 'utf8')));

test('the shipped locales pass', () => {
  const result = check();
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`${targetLocales.length} locales, \\d+ messages each, no problems`));
});

test('every kind of gap fails, naming the file, the unit and the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  try {
    cpSync('locales', dir, {recursive: true});
    const edit = (locale, change) => {
      const path = join(dir, `${locale}.xlf`);
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    };
    // de: one unit removed, one target emptied, one stale unit added.
    edit('de', (xml) =>
      xml
        .replace(/<trans-unit id="(s[0-9a-f]+)">\s*<source>I agree<\/source>[\s\S]*?<\/trans-unit>/, '')
        .replace('<target>Ich stimme nicht zu</target>', '<target></target>')
        .replace('</body>', '<trans-unit id="sdeadbeef"><source>Gone</source><target>Weg</target></trans-unit></body>')
    );
    // fr: a placeholder dropped, an English text copied.
    edit('fr', (xml) =>
      xml
        .replace(
          /(<source><x id="0" equiv-text="\$\{item.name\}"\/> \(local storage\)<\/source>\s*<target>)[^<]*<x[^>]*\/>/,
          '$1stockage local'
        )
        .replace('<target>Je refuse</target>', "<target>I don't agree</target>")
    );
    const result = check(dir);
    assert.equal(result.status, 1);
    const out = result.stderr;
    assert.match(out, /de\.xlf: unit s[0-9a-f]+ missing \("I agree"\)/);
    assert.match(out, /de\.xlf: unit s[0-9a-f]+: no translation for "I don't agree"/);
    assert.match(out, /de\.xlf: unit sdeadbeef: stale, no such message/);
    assert.match(out, /fr\.xlf: unit s[0-9a-f]+: placeholders none differ from the source's <x id="0"/);
    assert.match(out, /fr\.xlf: unit s[0-9a-f]+: the English "I don't agree" is copied unchanged/);
    assert.match(out, new RegExp(`5 problem\\(s\\) in ${targetLocales.length} locales`));
  } finally {
    rmSync(dir, {recursive: true});
  }
});

test('locale:add writes a new XLIFF file with every source string, which the check then asks to translate', () => {
  const dir = project();
  try {
    const added = run(dir, 'add', NEW_LOCALE);
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, new RegExp(`Wrote locales/${NEW_LOCALE}\\.xlf`));
    assert.ok(JSON.parse(readFileSync(join(dir, 'lit-localize.json'), 'utf8')).targetLocales.includes(NEW_LOCALE));
    const xliff = readFileSync(join(dir, `locales/${NEW_LOCALE}.xlf`), 'utf8');
    assert.equal(
      xliff.match(/<trans-unit /g).length,
      readFileSync('locales/de.xlf', 'utf8').match(/<trans-unit /g).length
    );
    assert.doesNotMatch(xliff, /<target>/);
    const checked = run(dir, 'check');
    assert.equal(checked.status, 1);
    assert.match(checked.stderr, new RegExp(`${NEW_LOCALE}\\.xlf: unit s[0-9a-f]+: no translation for "I agree"`));
    assert.doesNotMatch(checked.stderr, /de\.xlf/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('locale:add refuses invalid codes, the source locale and a case-variant duplicate, and canonicalises', () => {
  const dir = project();
  try {
    for (const [code, message] of [
      ['xx-YY-Latn', /"xx-YY-Latn" is not a valid BCP 47 locale code/],
      ['sr-RS-Latn', /"sr-RS-Latn" is not a valid BCP 47 locale code/],
      ['en', /"en" is the source locale/],
      ['PT-br', /"pt-BR" is already a locale/],
      ['de-1996', /not a language with an optional script and region/],
    ]) {
      const result = run(dir, 'add', code);
      assert.equal(result.status, 1, code);
      assert.match(result.stderr, message);
    }
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'lit-localize.json'), 'utf8')).targetLocales, targetLocales);
    const added = run(dir, 'add', 'zh-hant-hk');
    assert.equal(added.status, 0, added.stderr);
    assert.ok(JSON.parse(readFileSync(join(dir, 'lit-localize.json'), 'utf8')).targetLocales.includes('zh-Hant-HK'));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('a file whose target-language is not its own, or that is not well-formed XML, fails with where and why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  try {
    cpSync('locales', dir, {recursive: true});
    // it: copied from fr and not told; pl: a stray "<" in a text; sv: a tag left open.
    writeFileSync(join(dir, 'it.xlf'), readFileSync(join(dir, 'fr.xlf'), 'utf8'));
    editFile(join(dir, 'pl.xlf'), (xml) =>
      xml.replace('<target>Zgadzam się</target>', '<target>Zgadzam < się</target>')
    );
    editFile(join(dir, 'sv.xlf'), (xml) => xml.replace(/<\/target>/, ''));
    const result = check(dir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /it\.xlf: target-language="fr" but the file is for "it"/);
    assert.match(result.stderr, /pl\.xlf:\d+:\d+: .*not well-formed XML/);
    assert.match(result.stderr, /sv\.xlf:\d+:\d+: .*not well-formed XML/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    rmSync(dir, {recursive: true});
  }
});

test('a target may equal the English when the unit is marked approved="yes"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  try {
    cpSync('locales', dir, {recursive: true});
    editFile(join(dir, 'de.xlf'), (xml) =>
      xml.replace(
        /<trans-unit id="(s[0-9a-f]+)">(\s*<source>Name<\/source>\s*<target>)[^<]*/,
        '<trans-unit id="$1" approved="yes">$2Name'
      )
    );
    const result = check(dir);
    assert.equal(result.status, 0, result.stderr);
  } finally {
    rmSync(dir, {recursive: true});
  }
});

test('the build fails on what the check rejects, and turns &, < and > in a translation into the characters', () => {
  const dir = project();
  try {
    const de = join(dir, 'locales/de.xlf');
    const original = readFileSync(de, 'utf8');
    editFile(de, (xml) => xml.replace(/<target>Ich stimme nicht zu<\/target>/, ''));
    const failed = run(dir, 'build');
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /de\.xlf: unit s[0-9a-f]+: no translation for "I don't agree"/);

    writeFileSync(
      de,
      original
        .replace('<target>Ich stimme nicht zu</target>', '<target>Nein &amp; danke</target>')
        .replace('<target>Ich stimme zu</target>', '<target>&lt;Ja&gt;</target>')
    );
    const built = run(dir, 'build');
    assert.equal(built.status, 0, built.stderr);
    const generated = readFileSync(join(dir, 'src/generated/locales/de.ts'), 'utf8');
    assert.match(generated, /`Nein & danke`/);
    assert.match(generated, /`<Ja>`/);
    assert.doesNotMatch(generated, /&(amp|lt|gt);/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

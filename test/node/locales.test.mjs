// The translators' check: it passes the shipped files and names file, unit and problem for each kind of gap.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const check = (dir) => spawnSync('node', ['scripts/locales.mjs', 'check', ...(dir ? [dir] : [])], {encoding: 'utf8'});

test('the shipped locales pass', () => {
  const result = check();
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /42 locales, \d+ messages each, no problems/);
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
    assert.match(out, /5 problem\(s\) in 42 locales/);
  } finally {
    rmSync(dir, {recursive: true});
  }
});

test('locale:add writes a new XLIFF file with every source string, which the check then asks to translate', () => {
  const project = mkdtempSync(join(tmpdir(), 'locale-add-'));
  try {
    for (const path of ['lit-localize.json', 'tsconfig.json', 'src', 'locales']) {
      cpSync(path, join(project, path), {recursive: true});
    }
    symlinkSync(resolve('node_modules'), join(project, 'node_modules'));
    const script = resolve('scripts/locales.mjs');
    const added = spawnSync('node', [script, 'add', 'cy'], {cwd: project, encoding: 'utf8'});
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /Wrote locales\/cy\.xlf/);
    assert.ok(JSON.parse(readFileSync(join(project, 'lit-localize.json'), 'utf8')).targetLocales.includes('cy'));
    const xliff = readFileSync(join(project, 'locales/cy.xlf'), 'utf8');
    assert.equal(
      xliff.match(/<trans-unit /g).length,
      readFileSync('locales/de.xlf', 'utf8').match(/<trans-unit /g).length
    );
    assert.doesNotMatch(xliff, /<target>/);
    const checked = spawnSync('node', [script, 'check'], {cwd: project, encoding: 'utf8'});
    assert.equal(checked.status, 1);
    assert.match(checked.stderr, /cy\.xlf: unit s[0-9a-f]+: no translation for "I agree"/);
    assert.doesNotMatch(checked.stderr, /de\.xlf/);
  } finally {
    rmSync(project, {recursive: true, force: true});
  }
});

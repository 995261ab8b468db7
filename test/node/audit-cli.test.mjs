// `npx cookie-consent-elements audit`: the command drives Chromium through pages served from
// 127.0.0.1, finds each planted mistake (an ungated tracker, config before the Consent Mode
// default, an undeclared cookie, a tracker after refusal), stays silent on a clean page, follows
// same-origin links, and exits with 1 under --fail-on leak. Two well-known tracker hosts are
// mapped to 127.0.0.1, where the test server plays them. Run after `npm run build`.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startServer} from '../../scripts/serve.mjs';
import {chromePath} from '../../scripts/chrome.mjs';

const HOSTS = '--host-resolver-rules=MAP www.googletagmanager.com 127.0.0.1, MAP static.hotjar.com 127.0.0.1';
let server;
let base;
let dir;

before(async () => {
  ({server, url: base} = await startServer({port: 0, quiet: true}));
  dir = await mkdtemp(join(tmpdir(), 'audit-cli-'));
});
after(async () => {
  server.close();
  await rm(dir, {recursive: true, force: true});
});

/** Runs the command (after Node's own `flags`); resolves to its exit code, stdout and stderr. */
const run = (...args) => runWith([], ...args);

function runWith(flags, ...args) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...flags, 'bin/cookie-consent-elements.mjs', ...args],
      {env: {...process.env, CHROME_PATH: chromePath()}, timeout: 120_000},
      (error, stdout, stderr) => resolve({code: error ? error.code : 0, stdout, stderr})
    );
  });
}

const page = (name) => new URL(`test/pages/audit/${name}`, base).href;
const findings = (report, kind) => report.findings.filter((item) => item.kind === kind).map((item) => item.subject);

test('finds each planted mistake, and fails on the leaks with --fail-on leak', {timeout: 120_000}, async () => {
  const json = join(dir, 'planted.json');
  const {code, stdout} = await run(
    'audit',
    page('planted.html'),
    '--fail-on',
    'leak',
    '--json',
    json,
    `--chrome-arg=${HOSTS}`
  );
  assert.equal(code, 1, stdout);
  const site = JSON.parse(await readFile(json, 'utf8'));
  assert.equal(site.leak, true);
  const [{url, reports, leak}] = site.pages;
  assert.equal(url, page('planted.html'));
  assert.equal(leak, true);
  const [before, refused, consented] = reports;
  assert.deepEqual(
    reports.map((report) => report.phase),
    ['before-consent', 'after-refusal', 'after-consent']
  );
  const port = new URL(base).port;
  assert.deepEqual(findings(before, 'tracker'), [
    `http://www.googletagmanager.com:${port}/test/pages/audit/tracker.js`,
  ]);
  assert.deepEqual(findings(before, 'consent-mode-order'), ["gtag('js')", "gtag('config', 'G-TEST')"]);
  assert.deepEqual(findings(refused, 'tracker'), [
    `http://static.hotjar.com:${port}/test/pages/audit/tracker.js?after-refusal`,
  ]);
  assert.ok(
    findings(refused, 'request').includes(`http://static.hotjar.com:${port}/test/pages/audit/tracker.js?after-refusal`)
  );
  assert.ok(findings(consented, 'undeclared').includes('promo_seen'));
  assert.deepEqual(
    consented.draft.cookies.necessary.map((item) => item.name),
    ['promo_seen']
  );

  assert.match(stdout, /^# Cookie consent audit\n/);
  assert.match(stdout, /\| http:\/\/127\.0\.0\.1:\d+\/test\/pages\/audit\/planted\.html \| \d+ leaks \| \d+ leaks \|/);
  assert.match(stdout, /### Before any decision: \d+ leaks/);
  assert.match(stdout, /\| leak \| An ungated script of Google Tag Manager/);
  assert.match(stdout, /### Declaration draft\n\n```json\n[\s\S]*"name": "promo_seen"/);
});

test(
  'stays silent on a clean page, follows its same-origin links, finds unreadable colours and pages without consent',
  {timeout: 120_000},
  async () => {
    const json = join(dir, 'site.json');
    const {code, stdout} = await run(
      'audit',
      page('clean.html'),
      page('contrast.html'),
      page('plain.html'),
      '--pages',
      '4',
      '--json',
      json,
      `--chrome-arg=${HOSTS}`
    );
    assert.equal(code, 0, stdout);
    const site = JSON.parse(await readFile(json, 'utf8'));
    assert.deepEqual(
      site.pages.map((each) => each.url),
      [page('clean.html'), page('contrast.html'), page('plain.html'), page('planted.html')]
    );
    const [clean, contrast, plain, planted] = site.pages;
    // A page without <cookie-consent>: one look, where everything counts as before consent.
    assert.deepEqual(
      plain.reports.map((report) => report.phase),
      ['before-consent']
    );
    assert.deepEqual(plain.reports[0].findings[0].kind, 'no-element');
    assert.equal(findings(plain.reports[0], 'tracker').length, 1);
    assert.ok(findings(plain.reports[0], 'cookie').includes('_ga'));
    assert.equal(plain.leak, true);
    assert.deepEqual(
      clean.reports.flatMap((report) => report.findings),
      []
    );
    assert.equal(clean.leak, false);
    assert.equal(planted.leak, true);
    assert.deepEqual(
      contrast.reports.flatMap((report) => findings(report, 'contrast')),
      ['banner accept (fill, dark)', 'banner reject (fill, dark)']
    );
    assert.match(
      stdout,
      /\| http:\/\/127\.0\.0\.1:\d+\/test\/pages\/audit\/clean\.html \| all well \| all well \| all well \|/
    );
  }
);

test(
  'exits with 0 under --fail-on leak when nothing leaks, and with 2 on a bad command line',
  {timeout: 120_000},
  async () => {
    const clean = await run('audit', page('clean.html'), '--fail-on', 'leak');
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /1 page audited, 0 with something non-essential/);
    // The same page with its cookies declared in a src file: _ga is declared there, so all is well.
    const fromFile = await run('audit', page('clean-src.html'), '--fail-on', 'leak');
    assert.equal(fromFile.code, 0, fromFile.stdout);
    assert.match(fromFile.stdout, /\| all well \| all well \| all well \|/);
    const missing = await run('audit', page('missing.html'), page('clean.html'));
    assert.equal(missing.code, 2, 'a page that cannot be audited leaves the audit incomplete');
    assert.match(missing.stderr, /could not audit http:\/\/127\.0\.0\.1:\d+\/test\/pages\/audit\/missing\.html/);
    assert.match(missing.stdout, /2 pages audited/);
    const bad = await run('audit', 'ftp://example.org/');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^cookie-consent-elements: "ftp:\/\/example\.org\/" is not an http\(s\) URL\./);
    // No browser at any of the paths looked at: the message names the install command.
    const hide = `data:text/javascript,${encodeURIComponent(
      "import fs from 'node:fs'; import {syncBuiltinESMExports} from 'node:module'; fs.existsSync = () => false; syncBuiltinESMExports();"
    )}`;
    const none = await runWith(['--import', hide], 'audit', page('clean.html'));
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no Chrome or Chromium found[\s\S]*apt-get install -y chromium/);
  }
);

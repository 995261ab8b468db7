// The npm package as users get it: `npm pack` holds what they need and nothing else, and a fresh
// project installs the tarball, type-checks an app against it and bundles it. Run after `npm run build`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

const root = resolve('.');
const run = (command, args, cwd) =>
  execFileSync(command, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});

test('the tarball holds the modules, types, bundle, locales and manifest, and nothing else', () => {
  const [{files}] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], root));
  const paths = files.map((file) => file.path);
  for (const needed of [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'lib/index.js',
    'lib/index.d.ts',
    'lib/define.js',
    'lib/cookie-consent.js',
    'lib/core/store.js',
    'lib/generated/locales/de.js',
    'dist/cookie-consent.js',
    'dist/consent-mode.js',
    'dist/locales/de.js',
    'locales/de.xlf',
    'schema/consent-record.schema.json',
    'bin/cookie-consent-elements.mjs',
    'bin/audit-driver.mjs',
    'lib/audit/engine.js',
    'lib/audit/report.js',
  ]) {
    assert.ok(paths.includes(needed), `${needed} is missing from the package`);
  }
  const stray = paths.filter((path) => /^(src|test|demo|scripts|bench|docs|node_modules|\.ci)\//.test(path));
  assert.deepEqual(stray, []);
  // Tools that read the manifest find every module it names in the package.
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const named = new Set();
  JSON.stringify(manifest, (key, value) => {
    if ((key === 'path' || key === 'module') && typeof value === 'string') named.add(value);
    return value;
  });
  assert.deepEqual(
    [...named].filter((path) => !paths.includes(path)),
    [],
    'manifest modules missing from the package'
  );
  const definitions = manifest.modules.flatMap((module) =>
    (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name)
  );
  assert.deepEqual(definitions.sort(), ['cookie-consent', 'cookie-consent-gate', 'cookie-declaration']);
});

test('a fresh project installs the tarball, type-checks an app and bundles it', () => {
  const project = mkdtempSync(join(tmpdir(), 'cce-app-'));
  try {
    const tarball = JSON.parse(
      run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], root)
    )[0].filename;
    writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'app', private: true, type: 'module'}));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`], project);
    writeFileSync(
      join(project, 'app.ts'),
      `import 'cookie-consent-elements/define.js';
import {CookieConsent, type Consent, type ConsentChangeDetail} from 'cookie-consent-elements';

const banner: CookieConsent | null = document.querySelector('cookie-consent');
banner?.save({performance: true});
document.addEventListener('cookie-consent-change', (event) => {
  const detail: ConsentChangeDetail = event.detail;
  const consent: Consent = detail.consent;
  if (consent.performance) console.log(detail.reason, detail.changed);
});
export const created = document.createElement('cookie-declaration');
`
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ES2022',
          moduleResolution: 'bundler',
          strict: true,
          noEmit: true,
          lib: ['ES2022', 'DOM'],
          skipLibCheck: false,
        },
        files: ['app.ts'],
      })
    );
    run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], project);

    writeFileSync(
      join(project, 'app.js'),
      "import 'cookie-consent-elements/define.js';\nexport {CookieConsent} from 'cookie-consent-elements';\n"
    );
    writeFileSync(
      join(project, 'rollup.config.mjs'),
      `import {nodeResolve} from ${JSON.stringify(join(root, 'node_modules/@rollup/plugin-node-resolve/dist/es/index.js'))};
export default {input: 'app.js', output: {dir: 'out', format: 'es'}, plugins: [nodeResolve({browser: true})]};`
    );
    run(join(root, 'node_modules/.bin/rollup'), ['-c', '--silent'], project);
    // Locales stay lazy chunks of the app's bundle; the elements are in the main chunk.
    const chunks = readdirSync(join(project, 'out'));
    assert.ok(chunks.length > 40, `${chunks.length} chunks: the locales should be split out`);
    const bundle = chunks.map((name) => readFileSync(join(project, 'out', name), 'utf8')).join('\n');
    assert.match(bundle, /customElements\.define/);
    assert.match(bundle, /cookie-consent-gate/);
    assert.match(bundle, /class LitElement|LitElement/);
  } finally {
    rmSync(project, {recursive: true, force: true});
  }
});

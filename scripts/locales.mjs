// The translators' tool and the locale build, in one place.
//
//   node scripts/locales.mjs add xx   add locale xx: lit-localize.json, then locales/xx.xlf with every source string
//   node scripts/locales.mjs check    fail, naming file, unit and problem, on any gap in locales/*.xlf (or [dir]/*.xlf)
//   node scripts/locales.mjs build    the check, then the locale modules from the XLIFF files and the pseudo-locale for tests
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {DOMParser} from '@xmldom/xmldom';

const CONFIG = 'lit-localize.json';
const LIT_LOCALIZE = join('node_modules', '.bin', 'lit-localize');
/** Targets that may equal the English source: brand names only. */
const SAME_AS_SOURCE_ALLOWED = new Set(['Global Privacy Control']);
const PSEUDO_LOCALE = 'en-XA';

const readConfig = () => JSON.parse(readFileSync(CONFIG, 'utf8'));

function runLitLocalize(command, config) {
  const dir = mkdtempSync(join(tmpdir(), 'lit-localize-'));
  const path = join(dir, 'config.json');
  // Paths in a lit-localize config are relative to the config file: make them the project's.
  const here = (relative) => relative && resolve(relative);
  const output = {...config.output, outputDir: here(config.output.outputDir)};
  if (config.output.localeCodesModule) output.localeCodesModule = here(config.output.localeCodesModule);
  const interchange = {...config.interchange, xliffDir: here(config.interchange.xliffDir)};
  writeFileSync(path, JSON.stringify({...config, tsConfig: here(config.tsConfig), output, interchange}));
  try {
    execFileSync(LIT_LOCALIZE, [command, '--config', path], {stdio: ['ignore', 'pipe', 'pipe']});
  } catch (error) {
    process.stderr.write(String(error.stdout) + String(error.stderr));
    throw new Error(`lit-localize ${command} failed`);
  }
  rmSync(dir, {recursive: true});
}

/** A file that is not well-formed XML, with where the parser stopped. */
class XmlError extends Error {}

/**
 * Parses an XLIFF file: its target language and its units (id, source and target as XML strings,
 * the note, and `approved="yes"`, a translator's mark that a target may equal the English).
 */
function readXliff(path) {
  const errors = [];
  const onError = (level, message, handler) => {
    const {lineNumber, columnNumber} = handler?.locator ?? {};
    errors.push(`${path}:${lineNumber}:${columnNumber}: ${message.replace(/^element parse error: Error: /, '')}`);
  };
  let doc;
  try {
    doc = new DOMParser({onError}).parseFromString(readFileSync(path, 'utf8'), 'text/xml');
  } catch {
    // A fatal error was reported to onError before it was thrown.
  }
  if (errors.length > 0)
    throw new XmlError(`${errors[0]} (not well-formed XML; a "<" or "&" in a text is written &lt; or &amp;)`);
  const xml = (node) => (node ? Array.from(node.childNodes, (child) => child.toString()).join('') : undefined);
  return {
    targetLanguage: doc.getElementsByTagName('file')[0]?.getAttribute('target-language') ?? '',
    units: Array.from(doc.getElementsByTagName('trans-unit'), (unit) => ({
      id: unit.getAttribute('id'),
      source: xml(unit.getElementsByTagName('source')[0]),
      target: xml(unit.getElementsByTagName('target')[0]),
      note: unit.getElementsByTagName('note')[0]?.textContent ?? '',
      approved: unit.getAttribute('approved') === 'yes',
    })),
  };
}

const readUnits = (path) => readXliff(path).units;

/** The current source strings, extracted from the code into a scratch directory. */
function sourceUnits() {
  const dir = mkdtempSync(join(tmpdir(), 'xliff-'));
  try {
    runLitLocalize('extract', {...readConfig(), targetLocales: ['zz'], interchange: {format: 'xliff', xliffDir: dir}});
    return readUnits(join(dir, 'zz.xlf'));
  } finally {
    rmSync(dir, {recursive: true});
  }
}

const placeholders = (text) => (text.match(/<x [^>]*\/>/g) ?? []).sort().join(' ');
const plain = (text) => text.replace(/<x [^>]*\/>/g, '').trim();

/** The problems of every locale file: none means the translations can ship. */
function problemsOf(dir = readConfig().interchange.xliffDir) {
  const sources = new Map(sourceUnits().map((unit) => [unit.id, unit]));
  const problems = [];
  for (const locale of readConfig().targetLocales) {
    const file = join(dir, `${locale}.xlf`);
    if (!existsSync(file)) {
      problems.push(`${file}: missing; run "npm run locale:add -- ${locale}"`);
      continue;
    }
    let xliff;
    try {
      xliff = readXliff(file);
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      problems.push(error.message);
      continue;
    }
    if (xliff.targetLanguage !== locale) {
      problems.push(
        `${file}: target-language="${xliff.targetLanguage}" but the file is for "${locale}" (copied from another locale?)`
      );
    }
    const units = xliff.units;
    const seen = new Set();
    for (const unit of units) {
      const where = `${file}: unit ${unit.id}`;
      seen.add(unit.id);
      const source = sources.get(unit.id);
      if (!source) {
        problems.push(`${where}: stale, no such message in the code any more ("${unit.source}")`);
        continue;
      }
      if (unit.source !== source.source)
        problems.push(`${where}: stale source text; the English is now "${source.source}"`);
      if (unit.target === undefined || plain(unit.target) === '') {
        problems.push(`${where}: no translation for "${source.source}"`);
        continue;
      }
      if (placeholders(unit.target) !== placeholders(source.source)) {
        problems.push(
          `${where}: placeholders ${placeholders(unit.target) || 'none'} differ from the source's ${placeholders(source.source) || 'none'}`
        );
      }
      if (unit.target.trim() === source.source.trim() && !unit.approved && !SAME_AS_SOURCE_ALLOWED.has(source.source)) {
        problems.push(
          `${where}: the English "${source.source}" is copied unchanged (if that is the right word, mark the unit approved="yes")`
        );
      }
    }
    for (const id of sources.keys()) {
      if (!seen.has(id)) problems.push(`${file}: unit ${id} missing ("${sources.get(id).source}")`);
    }
  }
  return {problems, messages: sources.size};
}

/** Prints the problems and exits with 1 if there are any. */
function check(dir) {
  const {problems, messages} = problemsOf(dir);
  const locales = readConfig().targetLocales.length;
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`\nLocale check: ${problems.length} problem(s) in ${locales} locales.`);
    process.exit(1);
  }
  console.log(`Locale check: ${locales} locales, ${messages} messages each, no problems.`);
}

const ENTITIES = {'&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'"};

/**
 * lit-localize copies a target's XML escapes into the generated text (lit/lit#3025), so a visitor
 * would read "&amp;": the texts are plain strings, rendered as text, so they get the characters.
 */
function unescapeGenerated(dir) {
  for (const locale of readConfig().targetLocales) {
    const path = join(dir, `${locale}.ts`);
    const code = readFileSync(path, 'utf8');
    const fixed = code.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity]);
    if (fixed !== code) writeFileSync(path, fixed);
  }
}

const ACCENTED = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i],
  ])
);

/** Accented and 40% longer: shows text that bypasses msg() and layouts that break with long words. */
function pseudo(source) {
  const parts = source.split(/(<x [^>]*\/>|&[a-z]+;)/);
  const text = parts.map((part, i) => (i % 2 ? part : [...part].map((c) => ACCENTED[c] ?? c).join(''))).join('');
  const extra = Math.ceil(plain(source).length * 0.4);
  return `⟦${text}${' ·'.repeat(Math.ceil(extra / 2))}⟧`;
}

function buildPseudo() {
  const dir = mkdtempSync(join(tmpdir(), 'pseudo-'));
  try {
    const units = sourceUnits()
      .map(
        (u) => `<trans-unit id="${u.id}"><source>${u.source}</source><target>${pseudo(u.source)}</target></trans-unit>`
      )
      .join('\n');
    writeFileSync(
      join(dir, `${PSEUDO_LOCALE}.xlf`),
      `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">` +
        `<file target-language="${PSEUDO_LOCALE}" source-language="en" original="lit-localize-inputs" datatype="plaintext"><body>\n${units}\n</body></file></xliff>\n`
    );
    runLitLocalize('build', {
      ...readConfig(),
      targetLocales: [PSEUDO_LOCALE],
      output: {mode: 'runtime', outputDir: './test/generated/locales'},
      interchange: {format: 'xliff', xliffDir: dir},
    });
  } finally {
    rmSync(dir, {recursive: true});
  }
}

function build() {
  // What the check rejects never ships: no build with a gap, a wrong file or broken XML.
  check();
  runLitLocalize('build', readConfig());
  unescapeGenerated(readConfig().output.outputDir);
  const loaders = readConfig()
    .targetLocales.map((locale) => `  '${locale}': () => import('./locales/${locale}.js'),`)
    .join('\n');
  writeFileSync(
    'src/generated/locale-loaders.ts',
    `// Generated by scripts/locales.mjs from lit-localize.json; do not edit.\n` +
      `import type {LocaleModule} from '@lit/localize';\n\n` +
      `export const localeLoaders: Record<string, () => Promise<LocaleModule>> = {\n${loaders}\n};\n`
  );
  buildPseudo();
  console.log(`Built ${readConfig().targetLocales.length} locales and the pseudo-locale ${PSEUDO_LOCALE}.`);
}

/** A locale code as browsers write it (`pt-br` → `pt-BR`), or why it cannot be one. */
export function canonicalLocale(code) {
  if (!code) return {problem: 'give a locale code, such as "cy", "pt-BR" or "sr-Latn"'};
  let canonical;
  try {
    [canonical] = Intl.getCanonicalLocales(code);
  } catch {
    return {problem: `"${code}" is not a valid BCP 47 locale code (try "cy", "pt-BR" or "sr-Latn")`};
  }
  // Only a language, a script and a region, in that order: what lit-localize and the matching handle.
  if (!/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/.test(canonical)) {
    return {problem: `"${code}" is not a language with an optional script and region (such as "sr-Latn" or "pt-BR")`};
  }
  return {canonical};
}

function add(code) {
  const {canonical: locale, problem} = canonicalLocale(code);
  if (problem) {
    console.error(`Usage: npm run locale:add -- xx   (${problem})`);
    process.exit(1);
  }
  const config = readConfig();
  if (locale === config.sourceLocale) {
    console.error(`"${locale}" is the source locale: its texts are the ones in the code.`);
    process.exit(1);
  }
  const twin = config.targetLocales.find((known) => known.toLowerCase() === locale.toLowerCase());
  if (twin) {
    console.error(`"${twin}" is already a locale: edit locales/${twin}.xlf.`);
    process.exit(1);
  }
  config.targetLocales = [...config.targetLocales, locale].sort();
  writeFileSync(CONFIG, JSON.stringify(config, null, 2) + '\n');
  runLitLocalize('extract', config);
  console.log(`Wrote locales/${locale}.xlf. Add a <target> after each <source>, then run "npm run locale:check".`);
}

const [command, argument] = process.argv.slice(2);
if (!process.argv[1] || import.meta.url !== pathToFileURL(resolve(process.argv[1])).href) {
  // Imported (by a test): no command to run.
} else if (command === 'check') check(argument);
else if (command === 'build') build();
else if (command === 'add') add(argument);
else {
  console.error('Usage: node scripts/locales.mjs check | build | add xx');
  process.exit(1);
}

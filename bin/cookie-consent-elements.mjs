#!/usr/bin/env node
// The package's command: `npx cookie-consent-elements audit URL… [--pages N] [--json FILE] [--fail-on leak]`.
// Drives the system's Chrome or Chromium through puppeteer-core (an optional peer dependency) and
// judges what it sees with the same engine as `<cookie-consent audit>` (lib/audit/).
import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {parseArgs} from 'node:util';

const NAME = 'cookie-consent-elements';
const CHROME_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const USAGE = `Usage: ${NAME} audit URL... [--pages N] [--json FILE] [--fail-on leak] [--chrome-arg ARG]...

Loads each URL, and the same-origin links it finds up to N pages in all, in a fresh Chrome profile:
before any click, after "reject" and after "accept". Prints a Markdown report.

  --pages N         Pages to audit in all, following same-origin links (default: the URLs given).
  --json FILE       Also write the findings as JSON to FILE.
  --fail-on leak    Exit with 1 when anything non-essential happens before consent or after a refusal.
  --chrome-arg ARG  An extra Chrome flag (repeatable), e.g. --chrome-arg=--proxy-server=...

Chrome: CHROME_PATH, else ${CHROME_PATHS.slice(0, 3).join(', ')}…
Needs puppeteer-core: npm install --save-dev puppeteer-core`;

/** Exit codes: 0 done, 1 a leak with --fail-on leak, 2 the audit could not run (or not on every page). */
function fail(message) {
  console.error(`${NAME}: ${message}`);
  process.exit(2);
}

function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pages: {type: 'string'},
        json: {type: 'string'},
        'fail-on': {type: 'string'},
        'chrome-arg': {type: 'string', multiple: true},
        help: {type: 'boolean', short: 'h'},
      },
    });
  } catch (error) {
    fail(`${error.message}\n\n${USAGE}`);
  }
  const {values, positionals} = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const [command, ...urls] = positionals;
  if (command !== 'audit') fail(`unknown command ${command ? `"${command}"` : '(none)'}.\n\n${USAGE}`);
  if (urls.length === 0) fail(`give at least one URL to audit.\n\n${USAGE}`);
  for (const url of urls) {
    if (!/^https?:\/\//.test(url)) fail(`"${url}" is not an http(s) URL.`);
  }
  const pages = values.pages === undefined ? urls.length : Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1) fail(`--pages takes a whole number from 1, not "${values.pages}".`);
  if (values['fail-on'] !== undefined && values['fail-on'] !== 'leak') {
    fail(`--fail-on takes "leak", not "${values['fail-on']}".`);
  }
  return {
    urls,
    pages: Math.max(pages, urls.length),
    json: values.json,
    failOnLeak: values['fail-on'] === 'leak',
    chromeArgs: values['chrome-arg'] ?? [],
  };
}

function chromePath() {
  const candidates = [process.env.CHROME_PATH, ...CHROME_PATHS].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    fail(
      `no Chrome or Chromium found (looked at ${process.env.CHROME_PATH ? 'CHROME_PATH, ' : ''}${CHROME_PATHS.join(', ')}).\n` +
        'Install one, e.g. on Debian or Ubuntu: sudo apt-get install -y chromium, or set CHROME_PATH to its binary.'
    );
  }
  return found;
}

async function loadPuppeteer() {
  try {
    return (await import('puppeteer-core')).default;
  } catch {
    return fail(
      'the audit drives Chrome with puppeteer-core, which is not installed: npm install --save-dev puppeteer-core'
    );
  }
}

const options = parse(process.argv.slice(2));
const executablePath = chromePath();
const puppeteer = await loadPuppeteer();
const {auditSite, markdown} = await import('./audit-driver.mjs');

const args = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...options.chromeArgs,
];
let browser;
try {
  browser = await puppeteer.launch({executablePath, headless: true, args});
} catch (error) {
  fail(`could not start ${executablePath}: ${error.message}`);
}
let site;
try {
  site = await auditSite(browser, options.urls, options.pages, (url) => console.error(`${NAME}: auditing ${url}`));
} catch (error) {
  await browser.close();
  fail(`the audit stopped: ${error.message}`);
}
await browser.close();

console.log(markdown(site));
if (options.json) await writeFile(options.json, `${JSON.stringify(site, null, 2)}\n`);
for (const page of site.pages.filter((each) => each.error))
  console.error(`${NAME}: could not audit ${page.url}: ${page.error}`);
// A leak found fails the run first; else a page that could not be audited leaves the audit incomplete.
process.exit(options.failOnLeak && site.leak ? 1 : site.failed ? 2 : 0);

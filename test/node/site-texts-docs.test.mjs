// The README's table of the site's text keys is the one a site developer writes from: it must list
// every key the code knows, once each, and no other. And every text a visitor sees has a key: the
// XLIFF files hold one unit per text, and there are as many keys. Run after `npm run build`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {TEXT_KEYS} from '../../lib/core/text-keys.js';

test("the README lists every text key once, and each of the code's texts has a key", () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf("## The site's own words"), readme.indexOf('## Languages'));
  const listed = [...section.matchAll(/^\| `([^`]+)`\s+\|/gm)].map((match) => match[1]);
  assert.deepEqual(listed, [...TEXT_KEYS]);
  const units = readFileSync('locales/de.xlf', 'utf8').match(/<trans-unit /g).length;
  assert.equal(TEXT_KEYS.length, units, 'one text key per translated text');
});

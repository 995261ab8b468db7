// The consent record's contract: the library version it states is package.json's, and the JSON
// Schema shipped in the package accepts the records we document and refuses malformed ones.
// Run after `npm run build`. The browser test test/core/consent-log.test.ts checks a record built
// in Chromium has exactly the schema's properties.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {VERSION} from '../../lib/core/version.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const schema = JSON.parse(readFileSync('schema/consent-record.schema.json', 'utf8'));

const typeOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** The keywords the schema uses, checked by hand; returns what is wrong, by path. */
function problems(node, value, path = '$') {
  const found = [];
  const types = node.type === undefined ? [] : [node.type].flat();
  if (types.length > 0 && !types.includes(typeOf(value))) return [`${path} is not ${types.join(' or ')}`];
  if ('const' in node && value !== node.const) found.push(`${path} is not ${node.const}`);
  if (node.enum && !node.enum.includes(value)) found.push(`${path} is not one of ${node.enum.join(', ')}`);
  if (node.pattern && typeof value === 'string' && !new RegExp(node.pattern).test(value)) {
    found.push(`${path} does not match ${node.pattern}`);
  }
  if (node.format === 'date-time' && Number.isNaN(Date.parse(value))) found.push(`${path} is no date`);
  if (typeOf(value) === 'object') {
    for (const key of node.required ?? []) if (!(key in value)) found.push(`${path}.${key} is missing`);
    for (const [key, item] of Object.entries(value)) {
      if (node.properties?.[key]) found.push(...problems(node.properties[key], item, `${path}.${key}`));
      else if (node.additionalProperties === false) found.push(`${path}.${key} is not allowed`);
    }
  }
  if (typeOf(value) === 'array') {
    if (node.uniqueItems && new Set(value).size !== value.length) found.push(`${path} repeats an item`);
    value.forEach((item, index) => found.push(...problems(node.items ?? {}, item, `${path}[${index}]`)));
  }
  return found;
}

const RECORD = {
  schemaVersion: 1,
  libraryVersion: pkg.version,
  consentId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  decidedAt: '2026-11-27T12:00:00.000Z',
  revision: '1',
  consent: {necessary: true, performance: true, functionality: false, targeting: false},
  offered: ['performance', 'functionality'],
  exempt: ['performance'],
  reason: 'save',
  source: 'panel',
  gpc: {signal: true, honoured: true},
  locale: 'en',
  textsHash: '9e3779b9',
  url: 'https://example.org',
};

test("the version the record states is package.json's", () => {
  assert.equal(VERSION, pkg.version);
});

test('the schema accepts the documented records', () => {
  assert.deepEqual(problems(schema, RECORD), []);
  assert.deepEqual(problems(schema, {...RECORD, reason: 'reset', source: 'api', textsHash: null}), []);
  assert.deepEqual(problems(schema, {...RECORD, url: 'https://example.org/news/article'}), []);
});

test('the schema refuses records that are not ours', () => {
  const {gpc, ...withoutGpc} = RECORD;
  assert.ok(gpc);
  for (const [record, why] of [
    [withoutGpc, '$.gpc is missing'],
    [{...RECORD, email: 'a@example.org'}, '$.email is not allowed'],
    [{...RECORD, source: 'tab'}, '$.source is not one of banner, panel, gate, api'],
    [{...RECORD, schemaVersion: 2}, '$.schemaVersion is not 1'],
    [{...RECORD, textsHash: 'zz'}, '$.textsHash does not match ^[0-9a-f]{8}$'],
    [{...RECORD, consent: {...RECORD.consent, necessary: false}}, '$.consent.necessary is not true'],
    [{...RECORD, offered: ['targeting', 'targeting']}, '$.offered repeats an item'],
    [{...RECORD, exempt: ['targeting']}, '$.exempt[0] is not one of performance, functionality'],
  ]) {
    assert.deepEqual(problems(schema, record), [why]);
  }
});

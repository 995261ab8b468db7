/**
 * The decision cookie's parser: each way a stored value can be tampered with is refused, and
 * fast-check fuzzes it with generated, mutated and junk values.
 */
import {expect} from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_COOKIE_LENGTH,
  OPTIONAL_CATEGORIES,
  parseDecision,
  serializeDecision,
  type Decision,
} from '../../src/core/store.js';
import {cookieValues} from '../support/cookie-values.js';
import {captureWarnings} from '../support/helpers.js';
import {DAY, makeStore, MemoryJar, NOW, validRecord} from '../support/store.js';

const REVISION = '3';
const EXPIRES_DAYS = 30;

describe('parseDecision on tampered values', () => {
  const context = {revision: '1', expiresDays: 182, now: NOW};
  const cases: [string, string][] = [
    ['not JSON', 'performance=yes'],
    ['truncated JSON', validRecord().slice(0, -3)],
    ['JSON null', 'null'],
    ['an array', '["performance"]'],
    ['a number', '42'],
    ['a string', '"granted"'],
    ['an unknown key', validRecord({extra: true})],
    ['a missing key', JSON.stringify({v: 1, rev: '1', at: NOW, granted: []})],
    ['a __proto__ key', validRecord().replace('{', '{"__proto__":{"targeting":true},')],
    ['__proto__ in place of granted', validRecord().replace('"granted"', '"__proto__"')],
    ['an unknown format version', validRecord({v: 3})],
    ['format 2 without gpc', validRecord({v: 2})],
    ['format 1 with gpc', validRecord({gpc: false})],
    ['gpc as a string', validRecord({v: 2, gpc: 'true'})],
    ['gpc as null', validRecord({v: 2, gpc: null})],
    ['gpc without targeting granted', validRecord({v: 2, gpc: true})],
    ['a numeric revision', validRecord({rev: 1})],
    ['a time as a string', validRecord({at: String(NOW)})],
    ['a fractional time', validRecord({at: NOW + 0.5})],
    ['a negative time', validRecord({at: -1})],
    ['a time in the future', validRecord({at: NOW + 30 * DAY})],
    ['a malformed consent id', validRecord({id: 'not-an-id'})],
    ['granted as an object', validRecord({granted: {performance: true}})],
    ['granted as a string', validRecord({granted: 'performance'})],
    ['an unknown category', validRecord({granted: ['performance', 'everything']})],
    ['necessary listed', validRecord({granted: ['necessary']})],
    ['a repeated category', validRecord({granted: ['targeting', 'targeting']})],
    ['a boolean category', validRecord({granted: [true]})],
    ['an oversized value', validRecord({id: 'x'.repeat(MAX_COOKIE_LENGTH)})],
  ];

  for (const [name, raw] of cases) {
    it(`refuses ${name}`, () => {
      const result = parseDecision(raw, context);
      expect(result, raw).to.be.a('string');
    });
  }

  it('accepts the untampered value', () => {
    expect(parseDecision(validRecord(), context)).to.be.an('object');
  });

  it('reads format 1 as a decision without a targeting grant made under GPC, and format 2 with its own', () => {
    const old = parseDecision(validRecord({granted: ['targeting']}), context);
    expect(old).to.include({gpcGrant: false});
    const own = parseDecision(validRecord({v: 2, granted: ['targeting'], gpc: true}), context);
    expect(own).to.include({gpcGrant: true});
    expect(parseDecision(validRecord({v: 2, gpc: false}), context)).to.include({gpcGrant: false});
  });

  it('warns, prefixed, and asks again when the stored cookie is tampered', () => {
    const jar = new MemoryJar();
    jar.values.set('cookie_consent', validRecord({granted: ['everything']}));
    const warnings = captureWarnings(() => {
      expect(makeStore({}, jar).store.consent).to.equal(null);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^cookie-consent-elements: ignoring the stored consent cookie/);
  });
});

describe('the cookie parser, fuzzed', () => {
  const context = {revision: REVISION, expiresDays: EXPIRES_DAYS, now: NOW};
  const {validRecord, anyValue} = cookieValues({revision: REVISION, expiresDays: EXPIRES_DAYS, now: NOW});

  it('never throws, and never grants what the value does not grant, for this revision and in date', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyValue, (raw) => {
        const result = parseDecision(raw, context);
        if (typeof result === 'string') return;
        accepted++;
        const data = JSON.parse(raw);
        expect(data.rev).to.equal(REVISION);
        expect(data.at).to.be.within(NOW - EXPIRES_DAYS * DAY, NOW + DAY);
        for (const category of OPTIONAL_CATEGORIES) {
          if (result.consent[category]) expect(data.granted, category).to.include(category);
        }
        expect(result.consent.necessary).to.equal(true);
      }),
      {numRuns: 10000, seed: 20261127}
    );
    expect(accepted, 'some generated values are valid decisions').to.be.above(100);
  });

  it('refuses every decision made under another revision or out of date', () => {
    fc.assert(
      fc.property(
        validRecord,
        fc.oneof(
          fc
            .string()
            .filter((rev) => rev !== REVISION)
            .map((rev) => ({rev})),
          fc.integer({min: 0, max: NOW - EXPIRES_DAYS * DAY - 1}).map((at) => ({at})),
          fc.integer({min: NOW + DAY + 1, max: Number.MAX_SAFE_INTEGER}).map((at) => ({at}))
        ),
        (record, change) => {
          expect(parseDecision(JSON.stringify({...record, ...change}), context)).to.be.a('string');
        }
      ),
      {numRuns: 2000, seed: 27112026}
    );
  });

  it('reads back every decision it writes', () => {
    fc.assert(
      fc.property(validRecord, (record) => {
        const decision = parseDecision(JSON.stringify(record), context) as Decision;
        expect(parseDecision(serializeDecision(decision), context)).to.deep.equal(decision);
      }),
      {numRuns: 500, seed: 1}
    );
  });
});

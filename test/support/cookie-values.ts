/** Generated cookie values for fuzzing the decision parser: valid records, mutations of them, and junk. */
import fc from 'fast-check';
import {OPTIONAL_CATEGORIES} from '../../src/core/store.js';

const DAY = 86400000;

export function cookieValues({revision, expiresDays, now}: {revision: string; expiresDays: number; now: number}) {
  const fields = {
    rev: fc.constant(revision),
    // A minute inside the expiry: one decided at its very edge may expire between two readers' clocks.
    at: fc.integer({min: now - expiresDays * DAY + 60_000, max: now}),
    id: fc.uuid({version: 4}),
    granted: fc.uniqueArray(fc.constantFrom(...OPTIONAL_CATEGORIES)),
  };
  /** Format 1 (no `gpc`), still read, and format 2, whose `gpc` may be true only with targeting granted. */
  const validRecord = fc.oneof(
    fc.record({v: fc.constant(1), ...fields}),
    fc
      .record({v: fc.constant(2), ...fields, gpc: fc.boolean()})
      .map((record) => ({...record, gpc: record.gpc && record.granted.includes('targeting')}))
  );
  /** Valid records with one field replaced, a key added or removed, or the text cut or spliced. */
  const mutated = fc.oneof(
    fc
      .tuple(validRecord, fc.constantFrom('v', 'rev', 'at', 'id', 'granted', 'gpc'), fc.jsonValue())
      .map(([record, key, value]) => JSON.stringify({...record, [key]: value})),
    fc
      .tuple(validRecord, fc.string(), fc.jsonValue())
      .map(([record, key, value]) => JSON.stringify({...record, [key]: value})),
    fc.tuple(validRecord, fc.constantFrom('v', 'rev', 'at', 'id', 'granted', 'gpc')).map(([record, key]) => {
      const copy: Record<string, unknown> = {...record};
      delete copy[key];
      return JSON.stringify(copy);
    }),
    fc.tuple(validRecord, fc.nat(), fc.string()).map(([record, cut, insert]) => {
      const text = JSON.stringify(record);
      const at = cut % (text.length + 1);
      return text.slice(0, at) + insert + text.slice(at);
    }),
    fc.tuple(validRecord, fc.array(fc.string())).map(([record, extra]) => JSON.stringify({...record, granted: extra})),
    validRecord.map((record) => JSON.stringify(record).replace('{', '{"__proto__":{"targeting":true},')),
    validRecord.map((record) => JSON.stringify({...record, v: 3 - record.v})),
    validRecord.map((record) => JSON.stringify({...record, v: 2, gpc: true}))
  );
  const anyValue = fc.oneof(
    fc.string(),
    fc.json(),
    fc.string({unit: 'binary'}),
    mutated,
    validRecord.map((r) => JSON.stringify(r))
  );
  return {validRecord, anyValue};
}

// The audit's engine on plain data, as the command imports it from lib/audit/ (no DOM): the host
// and cookie lists, numbered families, lifetimes, the Consent Mode order and the declaration checks.
// Run after `npm run build` (or `tsc`).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  audit,
  consentModeOrder,
  hasLeak,
  knownHost,
  lifetime,
  nameFamily,
  parseDeclared,
} from '../../lib/audit/engine.js';

const observation = (overrides) => ({
  phase: 'before-consent',
  pageUrl: 'https://shop.example/',
  hasElement: true,
  cookieName: 'cookie_consent',
  offered: ['performance', 'functionality', 'targeting'],
  allowed: ['necessary'],
  declared: [],
  cookies: [],
  storage: [],
  requests: [],
  elements: [],
  ...overrides,
});

test('known hosts match by domain and path, not by a look-alike', () => {
  assert.equal(knownHost('https://www.google-analytics.com/g/collect')?.category, 'performance');
  assert.equal(knownHost('https://ad.doubleclick.net/x')?.category, 'targeting');
  assert.equal(knownHost('https://www.google.com/maps/embed?pb=1')?.provider, 'Google Maps');
  assert.equal(knownHost('https://www.google.com/search'), undefined);
  assert.equal(knownHost('https://notdoubleclick.net/'), undefined);
  assert.equal(knownHost('not a url'), undefined);
});

test('numbered cookie families get a match pattern; lifetimes read as words', () => {
  assert.deepEqual(nameFamily('_ga_ABC123'), {name: '_ga_*', match: '^_ga_'});
  assert.deepEqual(nameFamily('_hjSession_123456'), {name: '_hjSession_*', match: '^_hjSession_'});
  assert.deepEqual(nameFamily('_ga'), {name: '_ga'});
  assert.deepEqual(nameFamily('cookie_consent'), {name: 'cookie_consent'});
  const now = Date.UTC(2026, 0, 1);
  assert.equal(lifetime(-1, now), 'session');
  assert.equal(lifetime(undefined, now), '');
  assert.equal(lifetime(now / 1000 + 30 * 86400, now), '30 days');
  assert.equal(lifetime(now / 1000 + 400 * 86400, now), '13 months');
});

test('gtag commands before the default are found; after it, or without gtag, nothing is', () => {
  const found = consentModeOrder(
    [
      ['js', 'Thu Jan 01 2026'],
      ['config', 'G-1'],
      ['consent', 'default'],
      ['event', 'page_view'],
    ],
    'before-consent'
  );
  assert.deepEqual(
    found.map((item) => item.subject),
    ["gtag('js')", "gtag('config', 'G-1')"]
  );
  assert.deepEqual(
    consentModeOrder(
      [
        ['consent', 'default'],
        ['config', 'G-1'],
      ],
      'before-consent'
    ),
    []
  );
  assert.deepEqual(consentModeOrder(undefined, 'before-consent'), []);
  assert.equal(
    consentModeOrder([['config', 'G-1']], 'before-consent')[0].message.includes('no Consent Mode default'),
    true
  );
});

test('what is declared necessary, or granted, is no leak; the rest is', () => {
  const declared = parseDeclared(
    JSON.stringify({cookies: {necessary: [{name: 'sid'}], performance: [{name: '_ga', match: '^_ga'}], bogus: 1}})
  );
  assert.deepEqual(declared, [
    {category: 'necessary', name: 'sid', type: 'cookie'},
    {category: 'performance', name: '_ga', type: 'cookie', match: '^_ga'},
  ]);
  const cookies = [{name: 'cookie_consent'}, {name: 'sid'}, {name: '_ga_X1'}, {name: 'other'}];
  const before = audit(observation({declared, cookies}));
  assert.deepEqual(
    before.findings.map((item) => [item.kind, item.subject, item.category]),
    [
      ['cookie', '_ga_X1', 'performance'],
      ['cookie', 'other', 'unknown'],
    ]
  );
  assert.equal(hasLeak(before), true);
  // After consent to performance alone: a targeting cookie is a leak, one of no known category is undeclared.
  const granted = audit(
    observation({
      phase: 'after-consent',
      declared,
      cookies: [...cookies, {name: '_fbp'}],
      allowed: ['necessary', 'performance'],
    })
  );
  assert.deepEqual(
    granted.findings.map((item) => [item.kind, item.severity, item.subject]),
    [
      ['cookie', 'leak', '_fbp'],
      ['undeclared', 'warning', 'other'],
      ['undeclared', 'warning', '_fbp'],
    ]
  );
});

test('a same-origin request is fine, an unknown other origin a warning, a known tracker a leak', () => {
  const report = audit(
    observation({
      requests: [
        {url: 'https://shop.example/app.js', initiator: 'script'},
        {url: 'https://fonts.example/font.woff2', initiator: 'css'},
        {url: 'https://www.google-analytics.com/g/collect', initiator: 'fetch'},
      ],
      elements: [{tag: 'iframe', src: 'https://www.youtube.com/embed/x', gated: false}],
    })
  );
  assert.deepEqual(
    report.findings.map((item) => [item.kind, item.severity, item.subject]),
    [
      ['request', 'warning', 'https://fonts.example/font.woff2'],
      ['request', 'leak', 'https://www.google-analytics.com/g/collect'],
      ['tracker', 'leak', 'https://www.youtube.com/embed/x'],
    ]
  );
  assert.equal(
    report.findings[2].fix,
    '<iframe data-cookie-consent="targeting" data-src="https://www.youtube.com/embed/x"></iframe>'
  );
});

test('declarations in a category not offered, and declared items never seen after consent', () => {
  const declared = [
    {category: 'targeting', name: '_fbp', type: 'cookie'},
    {category: 'performance', name: '_ga', type: 'cookie'},
  ];
  const report = audit(
    observation({
      phase: 'after-consent',
      offered: ['performance'],
      allowed: ['necessary', 'performance'],
      declared,
    })
  );
  assert.deepEqual(
    report.findings.map((item) => [item.kind, item.subject]),
    [
      ['not-offered', 'targeting'],
      ['unseen', '_ga'],
    ]
  );
  // Seen at an earlier look (the refusal's profile) counts as seen.
  assert.equal(
    audit(observation({phase: 'after-consent', declared, allowed: ['necessary', 'performance']}), [
      '_ga',
    ]).findings.some((item) => item.kind === 'unseen' && item.subject === '_ga'),
    false
  );
});

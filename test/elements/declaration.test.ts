import {expect, fixture, html, nextFrame, waitUntil} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import type {CookieDeclaration} from '../../src/elements/declaration.js';
import {
  captureWarnings,
  captureWarningsAsync,
  clearCookies,
  deepActive,
  emulateMediaFeatures,
  STEADY_MEDIA,
} from '../support/helpers.js';
import {axTree, findAllAx, findAx} from '../support/a11y.js';
import {harness, ShadowHarness} from '../support/harness.js';

const DECLARED = {
  cookies: {
    necessary: [
      {name: 'cookie_consent', provider: 'Civic Ledger', expires: '182 days', purpose: 'Remembers your cookie choice'},
    ],
    performance: [
      {name: '_ga', match: '^_ga', provider: 'Google Analytics', expires: '2 years', purpose: 'Distinguishes visitors'},
      {name: 'reading_queue', type: 'localStorage', provider: 'Civic Ledger', purpose: '<b>Holds</b> page views'},
    ],
    functionality: [{name: 'lang', provider: 'Civic Ledger', expires: '1 year', purpose: 'Remembers your language'}],
  },
};

/** A policy page: `<cookie-consent>` offering performance and targeting, with its JSON block, then the declaration. */
async function policyPage(
  categories = 'performance targeting',
  {declared = DECLARED as object, attributes = {} as Record<string, string>, declarationAttributes = {}} = {}
) {
  const page = await fixture<HTMLElement>(html`<div></div>`);
  const cookieConsent = document.createElement('cookie-consent');
  cookieConsent.setAttribute('categories', categories);
  for (const [name, value] of Object.entries(attributes)) cookieConsent.setAttribute(name, value);
  const block = document.createElement('script');
  block.type = 'application/json';
  block.textContent = JSON.stringify(declared);
  cookieConsent.append(block);
  const declaration = document.createElement('cookie-declaration');
  for (const [name, value] of Object.entries(declarationAttributes)) declaration.setAttribute(name, String(value));
  page.append(cookieConsent, declaration);
  await cookieConsent.updateComplete;
  await declaration.updateComplete;
  return {cookieConsent, declaration};
}

const sections = (el: CookieDeclaration) => new ShadowHarness(el).parts('category');
/** The text of a node, or a text, with its white space collapsed. */
const text = (node: Node | string | null | undefined) =>
  (typeof node === 'string' ? node : node?.textContent)?.replace(/\s+/g, ' ').trim();
const statuses = (el: CookieDeclaration) =>
  sections(el).map((section) => text(section.querySelector('[part~="status"]')));
const buttonOf = (el: CookieDeclaration) => new ShadowHarness(el).part<HTMLButtonElement>('button')!;

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => clearCookies());

describe('<cookie-declaration>', () => {
  it('has a level 3 heading and a description for each offered category, necessary first', async () => {
    const {declaration} = await policyPage();
    const headings = findAllAx(await axTree(), 'heading').filter((heading) => heading.level === 3);
    expect(headings.map((heading) => [heading.name, heading.level])).to.deep.equal([
      ['Strictly necessary', 3],
      ['Performance', 3],
      ['Targeting and advertising', 3],
    ]);
    const description = text(sections(declaration)[1].querySelector('.description'));
    expect(description).to.equal(
      'Let us count visits and see which pages are read most, so that we can improve the site.'
    );
  });

  it('lists the declared cookies in a captioned table with column headers, as plain text', async () => {
    const {declaration} = await policyPage();
    // Puppeteer's snapshot leaves tables out; the scroll region around each one is named by its caption.
    const tree = await axTree();
    expect(findAx(tree, 'region', 'Performance cookies'), 'performance table').to.not.equal(null);
    expect(findAx(tree, 'region', 'Strictly necessary cookies'), 'necessary table').to.not.equal(null);
    const table = sections(declaration)[1].querySelector('table')!;
    expect(text(table.caption)).to.equal('Performance cookies');
    const headers = [...table.tHead!.rows[0].cells];
    expect(headers.map((cell) => [cell.localName, cell.getAttribute('scope'), text(cell)])).to.deep.equal([
      ['th', 'col', 'Name'],
      ['th', 'col', 'Provider'],
      ['th', 'col', 'Purpose'],
      ['th', 'col', 'Expiry'],
    ]);
    const rows = [...table.tBodies[0].rows].map((row) => [...row.cells].map((cell) => text(cell)));
    expect(rows).to.deep.equal([
      ['_ga', 'Google Analytics', 'Distinguishes visitors', '2 years'],
      ['reading_queue (local storage)', 'Civic Ledger', '<b>Holds</b> page views', ''],
    ]);
    expect(new ShadowHarness(declaration).query('b') === null, 'no HTML from the JSON').to.equal(true);
  });

  it('always lists our own decision cookie under strictly necessary, with its real name and lifetime', async () => {
    const {declaration} = await policyPage('performance', {
      declared: {cookies: {performance: DECLARED.cookies.performance}},
      attributes: {'cookie-name': 'site_choice', 'expires-days': '90'},
    });
    const necessary = sections(declaration)[0];
    expect(necessary.querySelector('.none'), 'no "uses no cookies" line').to.equal(null);
    const rows = [...necessary.querySelector('tbody')!.rows].map((row) => [...row.cells].map((cell) => text(cell)));
    expect(rows).to.deep.equal([
      [
        'site_choice',
        location.hostname,
        'Keeps the choice you made about cookies, so that you are not asked again on every page.',
        '90 days',
      ],
    ]);
  });

  it('does not list our cookie twice when the site declared it itself', async () => {
    const {declaration} = await policyPage();
    const rows = [...sections(declaration)[0].querySelector('tbody')!.rows].map((row) => text(row.cells[1]));
    expect(rows).to.deep.equal(['Civic Ledger']);
  });

  it("gives our cookie's lifetime in the page's language", async () => {
    const {declaration} = await policyPage('performance', {declared: {cookies: {}}, attributes: {lang: 'de'}});
    await waitUntil(() => text(sections(declaration)[0]?.querySelector('tbody td:last-child'))?.includes('Tage'));
    const row = sections(declaration)[0].querySelector('tbody')!.rows[0];
    expect(text(row.cells[3])).to.equal('182 Tage');
  });

  it('uses the heading level the page asks for, and warns about one it cannot use', async () => {
    const {declaration} = await policyPage('performance', {declarationAttributes: {'heading-level': '2'}});
    let levels = findAllAx(await axTree(), 'heading').map((heading) => [heading.name, heading.level]);
    expect(levels).to.deep.include.members([
      ['Strictly necessary', 2],
      ['Performance', 2],
    ]);
    const warnings = await captureWarningsAsync(async () => {
      declaration.setAttribute('heading-level', '9');
      await declaration.updateComplete;
      declaration.requestUpdate();
      await declaration.updateComplete;
    });
    levels = findAllAx(await axTree(), 'heading').map((heading) => [heading.name, heading.level]);
    expect(levels).to.deep.include.members([['Performance', 3]]);
    expect(warnings.filter((message) => message.includes('heading-level'))).to.have.length(1);
  });

  it('says so instead of showing an empty table, and leaves out categories not offered', async () => {
    const {declaration} = await policyPage();
    const targeting = sections(declaration)[2];
    expect(text(targeting.querySelector('h3'))).to.equal('Targeting and advertising');
    expect(targeting.querySelector('table') === null, 'no table').to.equal(true);
    expect(text(targeting.querySelector('.none'))).to.equal('This site uses no cookies of this kind.');
    expect(text(new ShadowHarness(declaration).text)).to.not.contain('Functionality');
  });

  it('shows the current choice and follows each decision as it is made', async () => {
    const {cookieConsent, declaration} = await policyPage();
    expect(statuses(declaration)).to.deep.equal([
      'Current setting: Always on',
      'Current setting: Not allowed (you have not made a choice yet)',
      'Current setting: Not allowed (you have not made a choice yet)',
    ]);
    cookieConsent.acceptAll();
    await declaration.updateComplete;
    expect(statuses(declaration)).to.deep.equal([
      'Current setting: Always on',
      'Current setting: Allowed',
      'Current setting: Allowed',
    ]);
    cookieConsent.save({targeting: false});
    await declaration.updateComplete;
    expect(statuses(declaration)).to.deep.equal([
      'Current setting: Always on',
      'Current setting: Allowed',
      'Current setting: Not allowed',
    ]);
  });

  it('opens the preferences panel from its button and gets focus back when it closes', async () => {
    const {cookieConsent, declaration} = await policyPage();
    expect(await findAx(await axTree(), 'button', 'Change your cookie settings')).to.not.equal(null);
    buttonOf(declaration).focus();
    await sendKeys({press: 'Enter'});
    await cookieConsent.updateComplete;
    expect(harness(cookieConsent).dialog?.open).to.equal(true);
    await sendKeys({press: 'Escape'});
    await cookieConsent.updateComplete;
    await nextFrame();
    expect(deepActive() === buttonOf(declaration), 'focus back on the button').to.equal(true);
  });

  it('warns when there is no <cookie-consent> to open', async () => {
    const declaration = await fixture<CookieDeclaration>(html`<cookie-declaration></cookie-declaration>`);
    expect(sections(declaration)).to.have.length(4);
    const warnings = captureWarnings(() => buttonOf(declaration).click());
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^cookie-consent-elements: there is no <cookie-consent> on the page/);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe before and after a decision, ${theme} theme`, async () => {
      const {cookieConsent, declaration} = await policyPage();
      declaration.theme = theme;
      await declaration.updateComplete;
      await expect(declaration).to.be.accessible();
      cookieConsent.acceptAll();
      await declaration.updateComplete;
      await expect(declaration).to.be.accessible();
    });
  }

  it('causes no horizontal page scroll at 320 px: the tables scroll in a named, focusable region', async () => {
    await setViewport({width: 320, height: 640});
    const {cookieConsent, declaration} = await policyPage();
    cookieConsent.rejectAll();
    await nextFrame();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const section of sections(declaration)) {
      expect(section.getBoundingClientRect().right).to.be.at.most(320);
    }
    const region = findAx(await axTree(), 'region', 'Performance cookies');
    expect(region === null, 'region').to.equal(false);
    const scroller = sections(declaration)[1].querySelector<HTMLElement>('[role="region"]')!;
    expect(scroller.tabIndex).to.equal(0);
    expect(scroller.getBoundingClientRect().right).to.be.at.most(320);
    await expect(declaration).to.be.accessible();
  });
});

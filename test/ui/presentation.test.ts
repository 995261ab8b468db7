/** How the banner and the panel look: themes, axe, reduced motion, forced colours, target sizes, zoom and reflow. */
import {expect, fixture, html, nextFrame} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import {consentFixture} from '../support/fixtures.js';
import {deepQueryAll, harness} from '../support/harness.js';
import {clearCookies, emulateMediaFeatures, STEADY_MEDIA} from '../support/helpers.js';

interface LayoutShift extends PerformanceEntry {
  value: number;
  sources: {node: Node | null}[];
}

beforeEach(async () => {
  clearCookies();
  await setViewport({width: 1024, height: 768});
  await emulateMediaFeatures(STEADY_MEDIA);
});

afterEach(() => clearCookies());

describe('<cookie-consent> presentation', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe in the banner and the panel, ${theme} theme`, async () => {
      const el = await consentFixture(`theme="${theme}" policy-url="/cookies.html"`);
      await expect(el).to.be.accessible();
      await el.showPreferences();
      await expect(el).to.be.accessible();
    });
  }

  it('follows prefers-color-scheme with theme="auto" and can be forced either way', async () => {
    const auto = await consentFixture();
    const light = getComputedStyle(harness(auto).banner!).backgroundColor;
    await emulateMediaFeatures([...STEADY_MEDIA, {name: 'prefers-color-scheme', value: 'dark'}]);
    const dark = getComputedStyle(harness(auto).banner!).backgroundColor;
    expect(dark).to.not.equal(light);
    auto.theme = 'light';
    await auto.updateComplete;
    expect(getComputedStyle(harness(auto).banner!).backgroundColor).to.equal(light);
    await expect(auto).to.be.accessible();
  });

  it('passes axe in dark system mode with the box layout', async () => {
    await emulateMediaFeatures([...STEADY_MEDIA, {name: 'prefers-color-scheme', value: 'dark'}]);
    const el = await consentFixture('layout="box" policy-url="/cookies.html"');
    await expect(el).to.be.accessible();
  });

  it('drops its animations when reduced motion is asked for', async () => {
    await emulateMediaFeatures([]);
    const el = await consentFixture();
    expect(getComputedStyle(harness(el).banner!).animationDuration).to.equal('0.2s');
    await emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
    expect(getComputedStyle(harness(el).banner!).animationDuration).to.equal('0s');
  });

  it('stays usable in forced-colors mode: switches show their state with system colours', async () => {
    const el = await consentFixture();
    const ui = harness(el);
    await el.showPreferences();
    ui.switches[1].click();
    await emulateMediaFeatures([...STEADY_MEDIA, {name: 'forced-colors', value: 'active'}]);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const on = getComputedStyle(ui.switches[1]).backgroundColor;
    const off = getComputedStyle(ui.switches[2]).backgroundColor;
    expect(on).to.not.equal(off);
    expect(getComputedStyle(ui.part('save')!).borderTopStyle).to.equal('solid');
  });

  it('makes every target at least 24 by 24 px, in the banner and in the panel', async () => {
    const el = await consentFixture();
    // The banner steps out of view while the panel is open, so each is measured while shown.
    const measure = (root: HTMLElement) =>
      deepQueryAll(root, 'button, input').map((target) => ({
        target: target.outerHTML,
        box: target.getBoundingClientRect(),
      }));
    const banner = measure(harness(el).banner!);
    await el.showPreferences();
    const panel = measure(harness(el).dialog!);
    expect(banner.length).to.equal(3);
    expect(panel.length).to.equal(8);
    for (const {target, box} of [...banner, ...panel]) {
      expect(box.width, target).to.be.at.least(24);
      expect(box.height, target).to.be.at.least(24);
    }
  });

  it('causes no horizontal scroll at 320 px wide, banner or panel', async () => {
    await setViewport({width: 320, height: 640});
    const el = await consentFixture();
    await nextFrame();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const banner = harness(el).banner!;
    expect(banner.scrollWidth).to.be.at.most(banner.clientWidth);
    await el.showPreferences();
    const dialog = harness(el).dialog!;
    expect(dialog.getBoundingClientRect().right).to.be.at.most(320);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
  });

  it('fits at 200% zoom (a 1280 by 800 screen seen as 640 by 400 CSS px), scrolling inside if it must', async () => {
    await setViewport({width: 640, height: 400});
    const el = await consentFixture();
    const ui = harness(el);
    await nextFrame();
    const banner = ui.banner!;
    expect(document.documentElement.scrollWidth).to.be.at.most(640);
    expect(banner.scrollWidth).to.be.at.most(banner.clientWidth);
    expect(banner.getBoundingClientRect().height).to.be.at.most(400);
    const reject = ui.part('reject')!;
    reject.scrollIntoView({block: 'nearest'});
    const box = reject.getBoundingClientRect();
    expect(box.bottom, 'the last choice can be reached').to.be.at.most(400);
    await el.showPreferences();
    const dialog = ui.dialog!;
    expect(dialog.getBoundingClientRect().height).to.be.at.most(400);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
  });

  for (const layout of ['bar', 'box']) {
    it(`leaves half the screen to the page at 400% zoom (320 by 256 CSS px), ${layout}`, async () => {
      await setViewport({width: 320, height: 256});
      const page = await fixture<HTMLElement>(html`
        <div>
          <cookie-consent layout=${layout}></cookie-consent>
          <p style="height: 2000px"></p>
          <button id="last">Last control on the page</button>
        </div>
      `);
      const el = page.querySelector('cookie-consent')!;
      await el.updateComplete;
      await nextFrame();
      await nextFrame();
      const banner = harness(el).banner!;
      expect(banner.getBoundingClientRect().height).to.be.at.most(128);
      const last = page.querySelector<HTMLButtonElement>('#last')!;
      last.focus();
      await nextFrame();
      const box = last.getBoundingClientRect();
      expect(
        document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2),
        'focused, not covered'
      ).to.equal(last);
      // The banner scrolls inside: a button comes into view when focused.
      const preferences = harness(el).part('preferences')!;
      preferences.focus();
      await nextFrame();
      const choice = preferences.getBoundingClientRect();
      const shown = banner.getBoundingClientRect();
      expect(choice.top).to.be.at.least(shown.top - 1);
      expect(choice.bottom).to.be.at.most(shown.bottom + 1);
      el.rejectAll();
      await el.updateComplete;
      window.scrollTo(0, 0);
    });
  }

  it('keeps the focused element clear of the bar and causes no layout shift', async () => {
    await nextFrame();
    await nextFrame();
    const shifts: LayoutShift[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as LayoutShift[])));
    observer.observe({type: 'layout-shift'});
    const page = await fixture<HTMLElement>(html`
      <div>
        <cookie-consent></cookie-consent>
        <p style="height: 3000px"></p>
        <button id="last">Last control on the page</button>
      </div>
    `);
    const el = page.querySelector('cookie-consent')!;
    const last = page.querySelector<HTMLButtonElement>('#last')!;
    const before = last.getBoundingClientRect().top + window.scrollY;
    await el.updateComplete;
    await nextFrame();
    await nextFrame();
    last.focus();
    await nextFrame();
    const bannerTop = harness(el).banner!.getBoundingClientRect().top;
    expect(last.getBoundingClientRect().bottom).to.be.at.most(bannerTop);
    expect(last.getBoundingClientRect().top + window.scrollY).to.equal(before);
    observer.disconnect();
    // Only the page under test counts; the test runner's own report may move meanwhile.
    const ours = shifts.filter((shift) => shift.sources.some((source) => source.node && page.contains(source.node)));
    const moved = ours.flatMap((shift) =>
      shift.sources.map((source) => (source.node as Element)?.outerHTML?.slice(0, 80))
    );
    expect(
      ours.reduce((sum, shift) => sum + shift.value, 0),
      `shifted: ${moved.join(' | ')}`
    ).to.equal(0);

    el.rejectAll();
    await el.updateComplete;
    await nextFrame();
    expect(document.body.style.paddingBottom).to.equal('');
    expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
    window.scrollTo(0, 0);
  });
});

describe("the panel's actions on small screens", () => {
  /** The element drawn at the middle of `control`, as the panel's shadow root sees it. */
  const drawnAt = (control: HTMLElement) => {
    const box = control.getBoundingClientRect();
    return (control.getRootNode() as ShadowRoot).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  };

  for (const [width, height] of [
    [375, 667],
    [320, 568],
  ]) {
    it(`keeps the panel's actions in view on a ${width} by ${height} phone while the categories scroll`, async () => {
      await setViewport({width, height});
      const el = await consentFixture();
      await el.showPreferences();
      const ui = harness(el);
      const actions = ['accept-all', 'reject-all', 'save'].map((name) => ui.part(name)!);
      const tops = actions.map((button) => button.getBoundingClientRect().top);
      for (const button of actions) {
        const box = button.getBoundingClientRect();
        const name = button.getAttribute('part')!;
        expect(box.top, name).to.be.at.least(0);
        expect(box.left, name).to.be.at.least(0);
        expect(box.bottom, name).to.be.at.most(height);
        expect(box.right, name).to.be.at.most(width);
        expect(button.contains(drawnAt(button)), `${name} is shown, not clipped or covered`).to.equal(true);
      }
      const close = ui.part('close')!.getBoundingClientRect();
      const heading = ui.dialog!.querySelector('h2')!.getBoundingClientRect();
      expect(close.top, 'the heading and the close button share the top row').to.be.below(heading.bottom);
      const list = ui.dialog!.querySelector('ul')!;
      expect(list.scrollHeight, 'more categories than fit').to.be.above(list.clientHeight);
      list.scrollTop = list.scrollHeight;
      expect(list.scrollTop, 'the list scrolls').to.be.above(0);
      const last = list.lastElementChild!.getBoundingClientRect();
      expect(last.bottom).to.be.at.most(list.getBoundingClientRect().bottom + 1);
      expect(
        actions.map((button) => button.getBoundingClientRect().top),
        'the actions stay where they were'
      ).to.deep.equal(tops);
    });
  }

  for (const [width, height] of [
    [640, 400],
    [320, 256],
  ]) {
    it(`brings every control of the panel into view when focused at ${width} by ${height} CSS px (zoomed in)`, async () => {
      await setViewport({width, height});
      const el = await consentFixture();
      await el.showPreferences();
      const dialog = harness(el).dialog!;
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      expect(dialog.getBoundingClientRect().height).to.be.at.most(height);
      const controls = [...dialog.querySelectorAll<HTMLElement>('button, input:not(:disabled)')];
      expect(controls.length).to.equal(7);
      for (const control of controls) {
        control.focus();
        const box = control.getBoundingClientRect();
        const name = control.getAttribute('part')!;
        expect(box.top, name).to.be.at.least(0);
        expect(box.bottom, name).to.be.at.most(height);
        expect(box.right, name).to.be.at.most(width);
        expect(control.contains(drawnAt(control)), `${name} is shown, not clipped or covered`).to.equal(true);
      }
      for (const scroller of [dialog, dialog.querySelector('.panel')!, dialog.querySelector('ul')!]) {
        expect(scroller.scrollWidth, `no horizontal scroll in ${scroller.localName}`).to.be.at.most(
          scroller.clientWidth
        );
      }
    });
  }
});

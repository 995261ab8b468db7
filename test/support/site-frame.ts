/** Loads a plain HTML test page (which uses the built bundle) in an iframe, as a site would load it. */
import type {CookieConsent} from '../../src/cookie-consent.js';
import type {ConsentChangeDetail} from '../../src/core/store.js';
import {clearCookies} from './helpers.js';
import {harness, type ConsentHarness} from './harness.js';

export type SiteWindow = Window &
  typeof globalThis & {
    consentEvents: ConsentChangeDetail[];
    ran?: string[];
    violations?: string[];
    dataLayer?: IArguments[];
    dataLayerAtFirstRun?: string[];
    dataLayerAtTag?: unknown[];
    firstBannerText?: string | null;
    hostApp?: {locale: string; greeting: string};
  };

export class SiteFrame {
  readonly frame = document.createElement('iframe');
  /** Uncaught errors of every page loaded in this frame. */
  readonly errors: string[] = [];

  constructor(width = 1000, height = 700) {
    this.frame.width = String(width);
    this.frame.height = String(height);
    document.body.append(this.frame);
  }

  get win(): SiteWindow {
    return this.frame.contentWindow as SiteWindow;
  }

  get element(): CookieConsent {
    return this.win.document.querySelector('cookie-consent') as CookieConsent;
  }

  /** The page's `<cookie-consent>` as tests see it, whichever page the frame holds now (none yet: nothing found). */
  readonly ui: ConsentHarness = harness(
    () => this.frame.contentWindow?.document?.querySelector<CookieConsent>('cookie-consent') ?? null
  );

  async open(path: string): Promise<SiteWindow> {
    const done = this.loaded();
    this.frame.src = path;
    await done;
    return this.settle();
  }

  async reload(): Promise<SiteWindow> {
    const done = this.loaded();
    this.win.location.reload();
    await done;
    return this.settle();
  }

  loaded(): Promise<void> {
    return new Promise((resolve) => this.frame.addEventListener('load', () => resolve(), {once: true}));
  }

  async settle(): Promise<SiteWindow> {
    const win = this.win;
    win.addEventListener('error', (event) => this.errors.push(event.message));
    await win.customElements.whenDefined('cookie-consent');
    await this.element.updateComplete;
    return win;
  }

  remove(): void {
    this.frame.remove();
  }
}

/** Gives each test a new frame and no cookies, and removes both after it. */
export function freshSiteFrameEachTest(use: (frame: SiteFrame) => void): void {
  let frame: SiteFrame;
  beforeEach(() => {
    clearCookies();
    frame = new SiteFrame();
    use(frame);
  });
  afterEach(() => {
    frame.remove();
    clearCookies();
  });
}

import {executeServerCommand} from '@web/test-runner-commands';

/** Runs `action` and returns the console warnings it printed, without letting them reach the console. */
export function captureWarnings(action: () => void): string[] {
  const {warnings, restore} = interceptWarnings();
  try {
    action();
  } finally {
    restore();
  }
  return warnings;
}

/** `captureWarnings` for an action that finishes later. */
export async function captureWarningsAsync(action: () => Promise<void>): Promise<string[]> {
  const {warnings, restore} = interceptWarnings();
  try {
    await action();
  } finally {
    restore();
  }
  return warnings;
}

function interceptWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return {warnings, restore: () => (console.warn = original)};
}

/** Deletes every cookie this page can see, so each test starts as a first visit. */
export function clearCookies(): void {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/** The deepest focused element, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export interface BrowserCookie {
  name: string;
  value: string;
  path: string;
  domain: string;
  expires: number;
  sameSite?: string;
  secure: boolean;
}

/** Every cookie of the browser with its attributes (expiry, SameSite, Secure), read over CDP. */
export function browserCookies(): Promise<BrowserCookie[]> {
  return executeServerCommand<BrowserCookie[], undefined>('get-cookies');
}

/** Emulates CSS media features (`prefers-color-scheme`, `forced-colors`...); replaces all earlier ones, `[]` resets. */
export function emulateMediaFeatures(features: {name: string; value: string}[]): Promise<boolean> {
  return executeServerCommand<boolean, typeof features>('emulate-media-features', features);
}

/**
 * The media every element test starts from: light scheme, and reduced motion, so that axe and
 * measurements see finished states rather than entry animations. Tests of motion opt back in.
 */
export const STEADY_MEDIA = [{name: 'prefers-reduced-motion', value: 'reduce'}];

/** Makes `document.cookie` read and write nothing, as when a visitor blocks cookies. */
export function disableCookies(disabled: boolean): Promise<boolean> {
  return executeServerCommand<boolean, boolean>('disable-cookies', disabled);
}

/** Waits until `condition` holds, or fails after `timeout` ms. */
export async function until(condition: () => boolean, what: string, timeout = 3000): Promise<void> {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

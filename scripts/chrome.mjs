// The Chromium every script here launches: CHROME_PATH if set, else Debian's /usr/bin/chromium.
import {existsSync} from 'node:fs';

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function chromePath() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install it with "apt-get update && apt-get install -y chromium", ` +
        'or set CHROME_PATH to a Chromium or Chrome binary.'
    );
  }
  return path;
}

/** The name every console message of the library starts with, so site owners can find its source. */
export const LIBRARY_NAME = 'cookie-consent-elements';

export function warn(message: string, ...details: unknown[]): void {
  console.warn(`${LIBRARY_NAME}: ${message}`, ...details);
}

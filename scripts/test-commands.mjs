// Server-side commands for the browser tests, on top of @web/test-runner-commands:
// reading cookies with all their attributes, turning document.cookie off, and emulating media
// features it does not cover.
// Emulation lasts only as long as the CDP session that set it: keep one per page.
const sessions = new WeakMap();
function cdpSession(page) {
  if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
  return sessions.get(page);
}

export function testCommands() {
  return {
    name: 'cookie-consent-test-commands',
    async executeCommand({command, payload, session}) {
      if (!['get-cookies', 'emulate-media-features', 'disable-cookies'].includes(command)) return undefined;
      const cdp = await cdpSession(session.browser.getPage(session.id));
      if (command === 'get-cookies') return (await cdp.send('Network.getAllCookies')).cookies;
      if (command === 'disable-cookies') {
        await cdp.send('Emulation.setDocumentCookieDisabled', {disabled: payload});
        return true;
      }
      // Replaces every emulated feature at once; puppeteer's own helper refuses forced-colors.
      await cdp.send('Emulation.setEmulatedMedia', {features: payload});
      return true;
    },
  };
}

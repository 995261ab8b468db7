// custom-elements.json, generated from the JSDoc of the elements by `npm run build`.
export default {
  globs: [
    'src/cookie-consent.ts',
    'src/cookie-consent-gate.ts',
    'src/cookie-declaration.ts',
    'src/page-element.ts',
    'src/events.ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also lists `dispatchEvent(new CookieConsentChangeEvent())` without a name;
      // the JSDoc @fires entries name and describe the same events.
      name: 'drop-unnamed-events',
      packageLinkPhase({customElementsManifest}) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};

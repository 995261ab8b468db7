// custom-elements.json, generated from the JSDoc of the elements by `npm run build`.
export default {
  globs: ['src/cookie-consent.ts', 'src/elements/gate.ts', 'src/elements/declaration.ts', 'src/core/events.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The package ships the compiled modules, not src/: the manifest points at lib/*.js, names
      // where each tag is defined (lib/define.js, through our defineElement), and places the
      // platform's CustomEvent in no module of ours.
      name: 'point-at-shipped-modules',
      packageLinkPhase({customElementsManifest}) {
        const shipped = (path) => path.replace(/^\/?src\/(.+)\.[jt]s$/, 'lib/$1.js');
        const visit = (node) => {
          if (Array.isArray(node)) return node.forEach(visit);
          if (!node || typeof node !== 'object') return;
          if (node.name === 'CustomEvent' && node.module) {
            delete node.module;
            node.package = 'global:';
          }
          for (const key of ['path', 'module']) if (typeof node[key] === 'string') node[key] = shipped(node[key]);
          Object.values(node).forEach(visit);
        };
        visit(customElementsManifest.modules);
        const tags = {
          'cookie-consent': ['CookieConsent', 'lib/cookie-consent.js'],
          'cookie-consent-gate': ['CookieConsentGate', 'lib/elements/gate.js'],
          'cookie-declaration': ['CookieDeclaration', 'lib/elements/declaration.js'],
        };
        customElementsManifest.modules.push({
          kind: 'javascript-module',
          path: 'lib/define.js',
          declarations: [],
          exports: Object.entries(tags).map(([tag, [name, module]]) => ({
            kind: 'custom-element-definition',
            name: tag,
            declaration: {name, module},
          })),
        });
      },
    },
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

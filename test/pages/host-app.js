// A host app with its own lit-localize, configured before our bundle loads.
import {configureLocalization, msg} from '@lit/localize';

const app = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['fr'],
  loadLocale: async () => ({templates: {s_hello: 'Bonjour'}}),
});
await app.setLocale('fr');
window.hostApp = {locale: app.getLocale(), greeting: msg('Hello', {id: 's_hello'})};

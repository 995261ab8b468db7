/** Texts shared by several elements; functions, because `msg()` must run at render time, in the current locale. */
import {msg} from '../i18n/localization.js';
import type {Category} from '../core/store.js';

export function categoryName(category: Category): string {
  switch (category) {
    case 'necessary':
      return msg('Strictly necessary', {desc: 'Name of the cookie category that is always on'});
    case 'performance':
      return msg('Performance', {desc: 'Name of the cookie category used to measure visits'});
    case 'functionality':
      return msg('Functionality', {desc: 'Name of the cookie category that remembers settings'});
    case 'targeting':
      return msg('Targeting and advertising', {desc: 'Name of the cookie category used for adverts'});
  }
}

export function categoryDescription(category: Category): string {
  switch (category) {
    case 'necessary':
      return msg(
        'Needed for the site to work and stay secure, for example to remember the choice you make here. They cannot be switched off.',
        {desc: 'Description of the strictly necessary cookie category'}
      );
    case 'performance':
      return msg('Let us count visits and see which pages are read most, so that we can improve the site.', {
        desc: 'Description of the performance cookie category',
      });
    case 'functionality':
      return msg(
        'Remember choices you make, such as your language or region, and make extra features work, such as embedded videos.',
        {desc: 'Description of the functionality cookie category'}
      );
    case 'targeting':
      return msg(
        'Used by us and our advertising partners to show adverts that match your interests and to measure how well they work. They may follow you across other sites.',
        {desc: 'Description of the targeting and advertising cookie category'}
      );
  }
}

/** The category's cookies as a whole phrase, e.g. a table caption. */
export function categoryCookies(category: Category): string {
  switch (category) {
    case 'necessary':
      return msg('Strictly necessary cookies', {desc: 'Caption of the table of strictly necessary cookies'});
    case 'performance':
      return msg('Performance cookies', {desc: 'Caption of the table of performance cookies'});
    case 'functionality':
      return msg('Functionality cookies', {desc: 'Caption of the table of functionality cookies'});
    case 'targeting':
      return msg('Targeting and advertising cookies', {desc: 'Caption of the table of targeting cookies'});
  }
}

export function alwaysOn(): string {
  return msg('Always on', {desc: 'State of the strictly necessary category, which cannot be switched off'});
}

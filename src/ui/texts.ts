/** Texts shared by several elements; functions, because `msg()` must run at render time, in the current locale. */
import {msg} from '../i18n/localization.js';
import {text} from '../i18n/site-texts.js';
import type {Category} from '../core/store.js';

export function categoryName(category: Category): string {
  switch (category) {
    case 'necessary':
      return text('necessary.name', msg('Strictly necessary', {desc: 'Name of the cookie category that is always on'}));
    case 'performance':
      return text('performance.name', msg('Performance', {desc: 'Name of the cookie category used to measure visits'}));
    case 'functionality':
      return text(
        'functionality.name',
        msg('Functionality', {desc: 'Name of the cookie category that remembers settings'})
      );
    case 'targeting':
      return text(
        'targeting.name',
        msg('Targeting and advertising', {desc: 'Name of the cookie category used for adverts'})
      );
  }
}

export function categoryDescription(category: Category): string {
  switch (category) {
    case 'necessary':
      return text(
        'necessary.description',
        msg(
          'Needed for the site to work and stay secure, for example to remember the choice you make here. They cannot be switched off.',
          {desc: 'Description of the strictly necessary cookie category'}
        )
      );
    case 'performance':
      return text(
        'performance.description',
        msg('Let us count visits and see which pages are read most, so that we can improve the site.', {
          desc: 'Description of the performance cookie category',
        })
      );
    case 'functionality':
      return text(
        'functionality.description',
        msg(
          'Remember choices you make, such as your language or region, and make extra features work, such as embedded videos.',
          {desc: 'Description of the functionality cookie category'}
        )
      );
    case 'targeting':
      return text(
        'targeting.description',
        msg(
          'Used by us and our advertising partners to show adverts that match your interests and to measure how well they work. They may follow you across other sites.',
          {desc: 'Description of the targeting and advertising cookie category'}
        )
      );
  }
}

/** The category's cookies as a whole phrase, e.g. a table caption. */
export function categoryCookies(category: Category): string {
  switch (category) {
    case 'necessary':
      return text(
        'necessary.cookies',
        msg('Strictly necessary cookies', {desc: 'Caption of the table of strictly necessary cookies'})
      );
    case 'performance':
      return text(
        'performance.cookies',
        msg('Performance cookies', {desc: 'Caption of the table of performance cookies'})
      );
    case 'functionality':
      return text(
        'functionality.cookies',
        msg('Functionality cookies', {desc: 'Caption of the table of functionality cookies'})
      );
    case 'targeting':
      return text(
        'targeting.cookies',
        msg('Targeting and advertising cookies', {desc: 'Caption of the table of targeting cookies'})
      );
  }
}

export function alwaysOn(): string {
  return text(
    'alwaysOn',
    msg('Always on', {desc: 'State of the strictly necessary category, which cannot be switched off'})
  );
}

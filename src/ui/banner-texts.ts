/** The banner's texts that depend on the state: what the status notice announces, and each purpose listed. */
import type {ConsentChangeDetail, OptionalCategory} from '../core/store.js';
import {msg} from '../i18n/localization.js';
import {text} from '../i18n/site-texts.js';

export function statusMessage(detail: ConsentChangeDetail, everythingGranted: boolean): string {
  switch (detail.reason) {
    case 'accept-all':
      if (!everythingGranted) break;
      return text(
        'status.acceptAll',
        msg('Thank you. You have accepted all cookies. You can change this at any time.', {
          desc: 'Announced to screen readers after the visitor accepted all cookies',
        })
      );
    case 'reject-all':
      return text(
        'status.rejectAll',
        msg('You have refused optional cookies. You can change this at any time.', {
          desc: 'Announced to screen readers after the visitor refused optional cookies',
        })
      );
  }
  return text(
    'status.saved',
    msg('Your cookie choices have been saved.', {desc: 'Announced to screen readers after the visitor saved a choice'})
  );
}

/** A list item under "If you agree, we will also use cookies for:". */
export function purpose(category: OptionalCategory): string {
  switch (category) {
    case 'performance':
      return text(
        'purpose.performance',
        msg('measuring visits', {desc: 'Banner: list item, what performance cookies are used for'})
      );
    case 'functionality':
      return text(
        'purpose.functionality',
        msg('remembering your settings', {desc: 'Banner: list item, what functionality cookies are used for'})
      );
    case 'targeting':
      return text(
        'purpose.targeting',
        msg('personalised advertising', {desc: 'Banner: list item, what targeting cookies are used for'})
      );
  }
}

/** Google Consent Mode states as the tests expect them. */

/** Every type denied but security_storage, as before any decision. */
export const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

/** Every type granted. */
export const GRANTED = Object.fromEntries(Object.keys(DENIED).map((type) => [type, 'granted']));

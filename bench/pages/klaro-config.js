// klaro 0.7 configured per its documented `klaroConfig` options, with the same texts and
// categories as our element's English UI. Klaro consents per service and groups services by
// purpose, so each of the four categories is a purpose with one service in it; `analytics`
// is the service the page's gated script names. Klaro reads the config from `window.klaroConfig`.
/* global window */
window.klaroConfig = {
  version: 1,
  lang: 'en',
  // A full-width notice at the bottom, like the other two banners.
  styling: {theme: ['light', 'bottom', 'wide']},
  htmlTexts: true, // lets the notice's text hold the policy link
  showNoticeTitle: true,
  groupByPurpose: true,
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 182,
  default: false,
  mustConsent: false,
  noticeAsModal: false,
  acceptAll: true,
  hideDeclineAll: false,
  hideLearnMore: false,
  translations: {
    en: {
      consentNotice: {
        title: 'Cookies on this site',
        description:
          'This site uses cookies. Some are needed to make it work. We would like to set others only if you agree; you can change your mind at any time. <a href="/cookies.html">Find out more about cookies</a>',
        learnMore: 'Choose cookies',
      },
      ok: 'I agree',
      decline: "I don't agree",
      acceptAll: 'Accept all',
      acceptSelected: 'Save my choices',
      close: 'Close',
      consentModal: {
        title: 'Your cookie choices',
        description:
          'Strictly necessary cookies are always on, because the site cannot work without them. The others stay off unless you switch them on.',
      },
      purposes: {
        necessary: {
          title: 'Strictly necessary',
          description:
            'Needed for the site to work and stay secure, for example to remember the choice you make here. They cannot be switched off.',
        },
        performance: {
          title: 'Performance',
          description: 'Let us count visits and see which pages are read most, so that we can improve the site.',
        },
        functionality: {
          title: 'Functionality',
          description:
            'Remember choices you make, such as your language or region, and make extra features work, such as embedded videos.',
        },
        targeting: {
          title: 'Targeting and advertising',
          description:
            'Used by us and our advertising partners to show adverts that match your interests and to measure how well they work. They may follow you across other sites.',
        },
      },
    },
  },
  services: [
    {name: 'site', title: 'This site', purposes: ['necessary'], required: true},
    {name: 'analytics', title: 'Visitor statistics', purposes: ['performance']},
    {name: 'preferences', title: 'Saved settings', purposes: ['functionality']},
    {name: 'ads', title: 'Advertising partner', purposes: ['targeting']},
  ],
};

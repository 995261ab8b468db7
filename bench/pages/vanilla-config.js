// vanilla-cookieconsent 3.1 configured per its documented options, with the same texts and
// categories as our element's English UI: a bottom bar, agree / don't agree of equal weight,
// a preferences button, and the four categories.
/* global window */
window.CookieConsent.run({
  // The default (true) hides everything when navigator.webdriver is set, which is the case in
  // the automated Chromium this benchmark drives; a real visitor never hits this.
  hideFromBots: false,
  guiOptions: {
    consentModal: {layout: 'bar', position: 'bottom', equalWeightButtons: true},
    preferencesModal: {layout: 'box', equalWeightButtons: true},
  },
  categories: {
    necessary: {enabled: true, readOnly: true},
    performance: {},
    functionality: {},
    targeting: {},
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies on this site',
          description:
            'This site uses cookies. Some are needed to make it work. We would like to set others only if you agree; you can change your mind at any time. <a href="/cookies.html">Find out more about cookies</a>',
          acceptAllBtn: 'I agree',
          acceptNecessaryBtn: "I don't agree",
          showPreferencesBtn: 'Choose cookies',
        },
        preferencesModal: {
          title: 'Your cookie choices',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save my choices',
          closeIconLabel: 'Close',
          sections: [
            {
              description:
                'Strictly necessary cookies are always on, because the site cannot work without them. The others stay off unless you switch them on.',
            },
            {
              title: 'Strictly necessary',
              description:
                'Needed for the site to work and stay secure, for example to remember the choice you make here. They cannot be switched off.',
              linkedCategory: 'necessary',
            },
            {
              title: 'Performance',
              description: 'Let us count visits and see which pages are read most, so that we can improve the site.',
              linkedCategory: 'performance',
            },
            {
              title: 'Functionality',
              description:
                'Remember choices you make, such as your language or region, and make extra features work, such as embedded videos.',
              linkedCategory: 'functionality',
            },
            {
              title: 'Targeting and advertising',
              description:
                'Used by us and our advertising partners to show adverts that match your interests and to measure how well they work. They may follow you across other sites.',
              linkedCategory: 'targeting',
            },
          ],
        },
      },
    },
  },
});

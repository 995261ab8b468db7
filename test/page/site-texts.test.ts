/**
 * The site's own words in the built bundle under a strict CSP, with and without Trusted Types: a
 * slotted message with a link, texts from the `src` file and from the inline block, in two
 * languages, rendered as text and causing no violation.
 */
import {expect} from '@open-wc/testing';
import {until} from '../support/helpers.js';
import {freshSiteFrameEachTest, type SiteFrame, type SiteWindow} from '../support/site-frame.js';

let site: SiteFrame;
freshSiteFrameEachTest((frame) => (site = frame));

const ours = (win: SiteWindow) => win.violations!.filter((violation) => !violation.includes('__web-dev-server__'));
const shown = (part: string) => site.ui.part(part)?.textContent?.replace(/\s+/g, ' ').trim();

for (const query of ['', '?trusted-types', '?trusted-types=allow-list']) {
  it(`shows the site's slot and texts in English and French under a strict CSP${query}`, async () => {
    const win = await site.open(`/test/pages/strict-texts.html${query}`);
    await until(() => shown('title') === 'Cookies at the Gazette', 'the title from the src file');
    expect(shown('accept'), 'from the file').to.equal('From the file');
    expect(shown('reject'), 'from the inline block, as text').to.equal('No, thanks <b>');
    const slotted = win.document.querySelector('[slot=message]')!;
    expect(slotted.assignedSlot, 'the message slot is used').not.to.equal(null);
    // Ours gives way; the policy link stays (leave out `policy-url` when the message holds the link).
    expect(shown('message'), 'our message is not shown').to.equal('Find out more about cookies');
    expect(win.document.querySelector('a')!.getBoundingClientRect().height, 'the link is rendered').to.be.greaterThan(
      0
    );

    win.document.documentElement.lang = 'fr';
    await until(() => shown('title') === 'Les cookies de la Gazette', 'the French title from the file');
    expect(shown('reject')).to.equal('Non merci');
    expect(shown('accept'), 'ours in French').to.equal("J'accepte");
    expect(slotted.assignedSlot, 'the slotted message stays in every language').not.to.equal(null);

    site.ui.click('reject');
    expect(win.consentEvents.map((detail) => detail.reason)).to.deep.equal(['reject-all']);
    expect(ours(win)).to.deep.equal([]);
    expect(site.errors).to.deep.equal([]);
  });
}

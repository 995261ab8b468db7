import {html, LitElement, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {PAGE_NONCE} from '../core/gating.js';
import {warn} from '../core/log.js';
import {OPTIONAL_CATEGORIES, type OptionalCategory} from '../core/store.js';
import {LocaleController, msg, str} from '../i18n/localization.js';
import {gateName, text} from '../i18n/site-texts.js';
import {ConsentController} from '../ui/consent-controller.js';
import {block, controls, theme} from '../ui/theme.styles.js';
import {gateStyles} from './elements.styles.js';

/** Where focus goes once the content is shown, so it is not dropped on `<body>` with the button. */
const FOCUSABLE =
  'iframe, video[controls], audio[controls], a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Holds back embedded content, such as a video from another site, until the visitor allows the
 * cookie category it needs. Until then it shows a placeholder that says why, with two buttons of
 * equal weight: one shows this content in this page only, storing nothing and granting nothing
 * (the banner stays); the other always allows the category through the page's `<cookie-consent>`
 * (a stored decision, with its event), which also runs every other script gated on it.
 *
 * Once granted, the `<template>`'s content is cloned next to it, once; on a page whose scripts
 * carry a nonce, the template's scripts without that nonce are left out. If the category is later
 * withdrawn the content stays: what it started cannot be stopped. Give `<cookie-consent>` the
 * `reload-on-withdraw` attribute to reload the page after a withdrawal instead.
 *
 * @tagname cookie-consent-gate
 * @summary Shows embedded content only once the visitor allows its cookie category.
 *
 * @slot - A `<template>` holding the content; it stays inert (nothing loads) until the category is granted.
 *
 * @csspart placeholder - The box shown instead of the content.
 * @csspart message - The placeholder's text.
 * @csspart button - Both buttons.
 * @csspart once - The button that shows this content only, this time.
 * @csspart allow - The button that always allows the category.
 *
 * @cssprop [--cookie-consent-background=#ffffff / #1c1f24] - Background of the placeholder.
 * @cssprop [--cookie-consent-color=#1b1d21 / #f3f4f6] - Text colour.
 * @cssprop [--cookie-consent-accent=#1d4ed8 / #9cc4ff] - Background of the button.
 * @cssprop [--cookie-consent-accent-color=#ffffff / #0b1526] - Text of the button.
 * @cssprop [--cookie-consent-border-color=#6b7280 / #9aa3af] - Border of the placeholder.
 * @cssprop [--cookie-consent-focus-color=#b45309 / #ffd166] - Focus outline.
 * @cssprop [--cookie-consent-font-family=system-ui] - Font.
 * @cssprop [--cookie-consent-font-size=medium] - Base font size (medium is the visitor's own default).
 * @cssprop [--cookie-consent-radius=0.5em] - Corner radius.
 */
export class CookieConsentGate extends LitElement {
  static override styles = [theme, controls, block, gateStyles];

  /**
   * The category the content needs: `performance`, `functionality` or `targeting`.
   */
  @property({reflect: true}) category?: string;

  /**
   * What the content is, to complete "To show …", e.g. `the video from Example Video`. A language
   * whose sentence needs another form of it gets that from the site's texts, key `gate.name:` and
   * this name (see the README).
   */
  @property({reflect: true}) name?: string;

  /**
   * `auto` follows `prefers-color-scheme`; `light` or `dark` force one.
   */
  @property({reflect: true}) theme: 'auto' | 'light' | 'dark' = 'auto';

  private readonly page = new ConsentController(this);
  private readonly locale = new LocaleController(this);
  /** Set once the content has been put in the page; it is never cloned again. */
  private released = false;

  /** The category, if the page's `<cookie-consent>` offers it (any known one, before it is defined). */
  private get validCategory(): OptionalCategory | undefined {
    return this.page.offered.find((category) => category === this.category);
  }

  /** `category` and what is offered at the last update, so a wrong one is reported when set, not on every update. */
  private checked?: string;

  protected override willUpdate(): void {
    const category = this.validCategory;
    const checked = `${this.category ?? ''} ${this.page.offered.join(' ')}`;
    if (!category && this.checked !== checked) {
      warn(
        OPTIONAL_CATEGORIES.some((known) => known === this.category)
          ? `<cookie-consent-gate category="${this.category}">: the page's <cookie-consent> does not offer this category; the content stays blocked.`
          : `<cookie-consent-gate category="${this.category ?? ''}"> needs one of ${OPTIONAL_CATEGORIES.join(', ')}; its content stays blocked.`
      );
    }
    this.checked = checked;
    if (!this.released && category && this.page.consent?.[category]) this.release();
  }

  /** Also waits for the site's configuration, when the page has one: its texts are then shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.locale.configured;
    return super.getUpdateComplete();
  }

  protected override render() {
    if (this.released) return html`<div class="content" tabindex="-1"><slot></slot></div>`;
    if (!this.locale.ready) return nothing;
    const category = this.validCategory;
    return html`
      <div part="placeholder" class="placeholder surface" lang=${this.locale.lang} dir=${this.locale.dir}>
        <p part="message" id="message">${this.message(category)}</p>
        ${
          category
            ? html`<div class="choices">
                <button part="button once" class="primary" aria-describedby="message" @click=${this.showOnce}>
                  ${text(
                    'gate.once',
                    msg('Show this content only, this time', {
                      desc: 'Gate: button that shows this one embed on this page only; nothing is stored or granted',
                    })
                  )}
                </button>
                <button part="button allow" class="primary" aria-describedby="message" @click=${this.allow}>
                  ${allowLabel(category)}
                </button>
              </div>`
            : nothing
        }
      </div>
    `;
  }

  private message(category: OptionalCategory | undefined): string {
    if (!category) {
      return text(
        'gate.unavailable',
        msg('This content comes from another site and cannot be shown here.', {
          desc: 'Gate: placeholder text when the site set the gate up wrongly',
        })
      );
    }
    if (this.name) {
      // The name in the case this language's sentence needs, if the site gave it ("gate.name:<name>").
      const name = gateName(this.name);
      return text(
        'gate.messageNamed',
        msg(str`To show ${name}, we need your permission: it comes from another site, which may set cookies.`, {
          desc: 'Gate: placeholder text; the placeholder is what the content is, given by the site (e.g. "the video from Example Video")',
        }),
        {name}
      );
    }
    return text(
      'gate.message',
      msg('This content comes from another site, which may set cookies. It is shown only if you allow them.', {
        desc: 'Gate: placeholder text for content the site did not name',
      })
    );
  }

  /** Clones the template's content next to it. Only here is the template read, so nothing loads before. */
  private release(): void {
    this.released = true;
    const template = this.querySelector(':scope > template');
    if (template instanceof HTMLTemplateElement) {
      const content = this.ownerDocument.importNode(template.content, true);
      // Under a nonce CSP, a script without the page's nonce stays in the template, inert: it may have been injected.
      for (const script of content.querySelectorAll('script')) {
        if (PAGE_NONCE && script.nonce !== PAGE_NONCE) {
          warn("<cookie-consent-gate>: a script in the template without the page's nonce is left out.", script);
          script.remove();
        }
      }
      template.after(content);
    } else {
      warn('<cookie-consent-gate> has no <template> child; there is nothing to show.');
    }
  }

  /** The visitor's yes to this content alone: nothing stored, no category granted, the banner stays. */
  private readonly showOnce = async (): Promise<void> => {
    if (!this.released) this.release();
    this.requestUpdate();
    await this.focusContent();
  };

  private readonly allow = async (): Promise<void> => {
    const category = this.validCategory;
    if (!this.page.session.host) {
      warn('there is no <cookie-consent> on the page, so <cookie-consent-gate> cannot ask for consent.');
      return;
    }
    if (!category) return;
    this.page.by('gate', this.renderRoot.textContent, () => this.page.session.grant(category));
    await this.focusContent();
  };

  private async focusContent(): Promise<void> {
    await this.updateComplete;
    if (this.released) {
      const target =
        this.querySelector<HTMLElement>(FOCUSABLE) ?? this.renderRoot.querySelector<HTMLElement>('.content');
      target?.focus();
    }
  }
}

/** The allow button's label: whole sentences, so each language can get case and grammar right. */
function allowLabel(category: OptionalCategory): string {
  switch (category) {
    case 'performance':
      return text(
        'gate.allow.performance',
        msg('Always allow performance cookies', {
          desc: 'Gate: button that allows the performance category for the whole site, stored as a decision',
        })
      );
    case 'functionality':
      return text(
        'gate.allow.functionality',
        msg('Always allow functionality cookies', {
          desc: 'Gate: button that allows the functionality category for the whole site, stored as a decision',
        })
      );
    case 'targeting':
      return text(
        'gate.allow.targeting',
        msg('Always allow targeting and advertising cookies', {
          desc: 'Gate: button that allows the targeting category for the whole site, stored as a decision',
        })
      );
  }
}

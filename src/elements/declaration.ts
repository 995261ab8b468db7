import {html, LitElement, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {LocaleController, msg, str} from '../i18n/localization.js';
import {text} from '../i18n/site-texts.js';
import {declarationStyles} from './elements.styles.js';
import {ConsentController} from '../ui/consent-controller.js';
import type {DeclaredItem} from '../core/declarations.js';
import {siteConfigChunk} from '../core/config-source.js';
import {warn} from '../core/log.js';
import type {Category} from '../core/store.js';
import {alwaysOn, categoryCookies, categoryDescription, categoryName} from '../ui/texts.js';
import {block, controls, theme} from '../ui/theme.styles.js';

/**
 * The cookie list for the site's cookie policy page: every category the page's `<cookie-consent>`
 * offers, with its description, the visitor's current choice and a table of the cookies declared
 * for it in the site's JSON configuration (the block inside `<cookie-consent>`, or its `src`), our
 * own decision cookie always among the strictly necessary ones. Follows every decision as it is made.
 *
 * @tagname cookie-declaration
 * @summary Lists the site's cookies by category, with the visitor's choice and a way to change it.
 *
 * @csspart category - The section of one category.
 * @csspart status - A category's current setting.
 * @csspart table - A category's table of cookies.
 * @csspart button - The button that opens the preferences panel.
 *
 * @cssprop [--cookie-consent-background=#ffffff / #1c1f24] - Background of each category.
 * @cssprop [--cookie-consent-color=#1b1d21 / #f3f4f6] - Text colour.
 * @cssprop [--cookie-consent-muted-color=#4b5260 / #c7ccd4] - Colour of the descriptions.
 * @cssprop [--cookie-consent-accent=#1d4ed8 / #9cc4ff] - Background of the button.
 * @cssprop [--cookie-consent-accent-color=#ffffff / #0b1526] - Text of the button.
 * @cssprop [--cookie-consent-border-color=#6b7280 / #9aa3af] - Borders.
 * @cssprop [--cookie-consent-focus-color=#b45309 / #ffd166] - Focus outline.
 * @cssprop [--cookie-consent-font-family=system-ui] - Font.
 * @cssprop [--cookie-consent-font-size=medium] - Base font size (medium is the visitor's own default).
 * @cssprop [--cookie-consent-radius=0.5em] - Corner radius.
 */
export class CookieDeclaration extends LitElement {
  static override styles = [theme, controls, block, declarationStyles];

  /**
   * `auto` follows `prefers-color-scheme`; `light` or `dark` force one.
   */
  @property({reflect: true}) theme: 'auto' | 'light' | 'dark' = 'auto';

  /**
   * The level of each category's heading, 2 to 6, to fit the page's outline (3: under the policy
   * page's `<h1>` and the section's `<h2>`).
   */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 3;

  private readonly page = new ConsentController(this);
  private readonly locale = new LocaleController(this);
  override connectedCallback(): void {
    super.connectedCallback();
    // `<cookie-consent>` may come later in the page; no event tells us when no decision is stored.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.requestUpdate(), {once: true});
    }
  }

  protected override render() {
    const cookieConsent = this.page.session.host;
    const offered = this.page.offered;
    if (!this.locale.ready) return nothing;
    const categories: Category[] = ['necessary', ...offered];
    // Loaded before the locale controller is ready, when the page has a configuration.
    const declared = cookieConsent ? siteConfigChunk.get()?.declarationsOf(cookieConsent) : undefined;
    const level = this.level();
    return html`
      <div class="declaration surface" lang=${this.locale.lang} dir=${this.locale.dir}>
        ${categories.map((category) =>
          this.renderCategory(category, level, this.listed(category, declared?.[category] ?? []))
        )}
        <button part="button" class="primary" @click=${this.showPreferences}>
          ${text(
            'declaration.change',
            msg('Change your cookie settings', {desc: 'Cookie declaration: button that opens the preferences panel'})
          )}
        </button>
      </div>
    `;
  }

  /** What the site declared for `category`; under necessary, our own decision cookie first unless declared. */
  private listed(category: Category, items: readonly DeclaredItem[]): readonly DeclaredItem[] {
    const {cookieName, expiresDays} = this.page.store;
    if (category !== 'necessary' || items.some((item) => item.type === 'cookie' && item.name === cookieName)) {
      return items;
    }
    const own: DeclaredItem = {
      name: cookieName,
      type: 'cookie',
      provider: location.hostname,
      purpose: text(
        'declaration.ownCookie',
        msg('Keeps the choice you made about cookies, so that you are not asked again on every page.', {
          desc: "Cookie declaration: purpose of the library's own cookie, which stores the visitor's choice",
        })
      ),
      expires: new Intl.NumberFormat(this.locale.lang, {style: 'unit', unit: 'day', unitDisplay: 'long'}).format(
        expiresDays
      ),
    };
    return [own, ...items];
  }

  /** `heading-level` made valid: a whole number from 2 to 6, else 3 with a warning. */
  private level(): number {
    const level = this.headingLevel;
    if (Number.isInteger(level) && level >= 2 && level <= 6) return level;
    if (this.warnedLevel !== level) {
      this.warnedLevel = level;
      warn(`<cookie-declaration heading-level="${String(level)}"> must be 2 to 6; using 3.`);
    }
    return 3;
  }

  private warnedLevel?: number;

  /** Also waits for the site's configuration, when the page has one: its texts are then shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.locale.configured;
    return super.getUpdateComplete();
  }

  private renderCategory(category: Category, level: number, items: readonly DeclaredItem[]) {
    const name = categoryName(category);
    return html`
      <section part="category">
        ${heading(level, name)}
        <p class="description">${categoryDescription(category)}</p>
        <p part="status">
          ${text(
            'declaration.currentSetting',
            msg('Current setting:', {desc: 'Cookie declaration: label before the state of a category'})
          )}
          <strong>${this.state(category)}</strong>
        </p>
        ${
          items.length === 0
            ? html`<p class="none">
                ${text(
                  'declaration.none',
                  msg('This site uses no cookies of this kind.', {
                    desc: 'Cookie declaration: shown instead of a table when a category has no cookies',
                  })
                )}
              </p>`
            : html`
                <div class="table-scroll" role="region" tabindex="0" aria-labelledby="caption-${category}">
                  <table part="table">
                    <caption id="caption-${category}">
                      ${categoryCookies(category)}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">
                          ${text('declaration.name', msg('Name', {desc: 'Cookie declaration: column of cookie names'}))}
                        </th>
                        <th scope="col">
                          ${text(
                            'declaration.provider',
                            msg('Provider', {desc: 'Cookie declaration: column of who sets the cookie'})
                          )}
                        </th>
                        <th scope="col">
                          ${text(
                            'declaration.purpose',
                            msg('Purpose', {desc: 'Cookie declaration: column of what the cookie is for'})
                          )}
                        </th>
                        <th scope="col">
                          ${text(
                            'declaration.expiry',
                            msg('Expiry', {desc: 'Cookie declaration: column of how long the cookie is kept'})
                          )}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      ${items.map(
                        (item) => html`
                          <tr>
                            <td>${itemName(item)}</td>
                            <td>${item.provider ?? ''}</td>
                            <td>${item.purpose ?? ''}</td>
                            <td>${item.expires ?? ''}</td>
                          </tr>
                        `
                      )}
                    </tbody>
                  </table>
                </div>
              `
        }
      </section>
    `;
  }

  private state(category: Category): string {
    if (category === 'necessary') {
      return alwaysOn();
    }
    const consent = this.page.consent;
    if (!consent) {
      return text(
        'declaration.undecided',
        msg('Not allowed (you have not made a choice yet)', {
          desc: 'Cookie declaration: state of a category before the visitor has decided',
        })
      );
    }
    return consent[category]
      ? text(
          'declaration.allowed',
          msg('Allowed', {desc: 'Cookie declaration: state of a category the visitor allowed'})
        )
      : text(
          'declaration.notAllowed',
          msg('Not allowed', {desc: 'Cookie declaration: state of a category the visitor refused'})
        );
  }

  private readonly showPreferences = (): void => {
    const cookieConsent = this.page.session.host;
    if (cookieConsent) void cookieConsent.showPreferences();
    else warn('there is no <cookie-consent> on the page, so <cookie-declaration> cannot open the cookie settings.');
  };
}

/** A real heading element of the page's chosen level (Lit binds no tag names; one template per level). */
function heading(level: number, name: string) {
  switch (level) {
    case 2:
      return html`<h2>${name}</h2>`;
    case 4:
      return html`<h4>${name}</h4>`;
    case 5:
      return html`<h5>${name}</h5>`;
    case 6:
      return html`<h6>${name}</h6>`;
    default:
      return html`<h3>${name}</h3>`;
  }
}

function itemName(item: DeclaredItem): string {
  switch (item.type) {
    case 'localStorage':
      return text(
        'declaration.localStorage',
        msg(str`${item.name} (local storage)`, {
          desc: "Cookie declaration: a name kept in the browser's local storage rather than in a cookie",
        }),
        {name: item.name}
      );
    case 'sessionStorage':
      return text(
        'declaration.sessionStorage',
        msg(str`${item.name} (session storage)`, {
          desc: "Cookie declaration: a name kept in the browser's session storage rather than in a cookie",
        }),
        {name: item.name}
      );
    default:
      return item.name;
  }
}

// A checkbox with role="switch" takes its state from `checked`; ARIA in HTML says not to add aria-checked.
/* eslint-disable lit-a11y/role-has-required-aria-attrs */
/**
 * `<cookie-consent-panel>`: the preferences panel, a modal native `<dialog>` with one switch per
 * category. A lazy chunk of its own, loaded when the visitor (or the page) first asks for it.
 */
import {html, LitElement, nothing} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {defineElement} from '../core/registry.js';
import {NO_CONSENT, type Consent, type OptionalCategory} from '../core/store.js';
import {LocaleController, msg, str} from '../i18n/localization.js';
import {text} from '../i18n/site-texts.js';
import type {CookieConsentBanner} from './banner.js';
import {ConsentController} from './consent-controller.js';
import {panelStyles} from './panel.styles.js';
import {alwaysOn, categoryDescription, categoryName} from './texts.js';
import {controls, layout, theme} from './theme.styles.js';

/** The parts `<cookie-consent>` exposes of the panel. */
const PARTS = 'dialog, button, close, category, switch, accept-all, reject-all, save, gpc-note, receipt';

export class CookieConsentPanel extends LitElement {
  static override styles = [theme, controls, layout, panelStyles];

  /** `auto`, `light` or `dark`, as `<cookie-consent>`'s attribute. */
  @property({reflect: true}) theme = 'auto';

  /** The switches as the visitor set them, saved only by a button. */
  @state() private draft: Consent = {...NO_CONSENT};
  @state() private opened = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  /** The banner, whose status notice announces decisions and takes focus when nothing better can. */
  banner?: CookieConsentBanner;
  private readonly consent = new ConsentController(this);
  private readonly locale = new LocaleController(this);
  /** What opened the panel, to put focus back when it closes. */
  private opener: HTMLElement | null = null;

  get open(): boolean {
    return this.opened;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Taken out of the page and put back, an open dialog has left the top layer: make it modal again.
    if (this.dialog?.open && !this.dialog.matches(':modal')) {
      this.dialog.close();
      this.dialog.showModal();
    }
  }

  /** Opens the panel, in the visitor's language, with the switches as last decided. */
  async show(opener: HTMLElement | null): Promise<void> {
    this.opener = opener;
    await this.locale.load();
    this.draft = {...(this.consent.store.consent ?? NO_CONSENT)};
    this.opened = true;
    if (this.banner) this.banner.panelOpen = true;
    await this.updateComplete;
    if (this.opened && this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  protected override render() {
    if (!this.opened) return nothing;
    const store = this.consent.store;
    const offered = store.offered;
    return html`
      <dialog
        class="surface"
        part="dialog"
        aria-labelledby="panel-title"
        lang=${this.locale.lang}
        dir=${this.locale.dir}
        @close=${this.onClosed}
      >
        <div class="panel">
          <header>
            <h2 id="panel-title">${text('panel.title', msg('Your cookie choices', {desc: 'Panel: heading'}))}</h2>
            <button
              part="button close"
              class="close"
              aria-label=${text('panel.close', msg('Close', {desc: 'Panel: button that closes the panel without saving'}))}
              @click=${this.close}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.5">
                <path d="M5 5l14 14M19 5L5 19" />
              </svg>
            </button>
          </header>
          <p>
            ${text(
              'panel.intro',
              msg(
                'Strictly necessary cookies are always on, because the site cannot work without them. The others stay off unless you switch them on.',
                {desc: 'Panel: introduction above the list of categories'}
              )
            )}
          </p>
          ${
            store.honoursGpc && offered.includes('targeting')
              ? html`<p class="note" part="gpc-note">
                  ${text(
                    'panel.gpcNote',
                    msg(
                      'Your browser asks sites not to sell or share your data (Global Privacy Control). We respect this: targeting and advertising cookies stay off unless you switch them on yourself.',
                      {desc: 'Panel: note shown when the browser sends a Global Privacy Control signal'}
                    )
                  )}
                </p>`
              : nothing
          }
          <ul>
            <li part="category">
              <div class="switch-row">
                <label for="switch-necessary">${categoryName('necessary')}</label>
                <span class="always-on">${alwaysOn()}</span>
                <input
                  id="switch-necessary"
                  part="switch"
                  type="checkbox"
                  role="switch"
                  checked
                  disabled
                  aria-describedby="description-necessary"
                />
              </div>
              <p class="description" id="description-necessary">${categoryDescription('necessary')}</p>
            </li>
            ${offered.map((category) => this.renderSwitch(category))}
          </ul>
          <div class="actions">
            <div class="choice">
              <button part="button accept-all" class="primary" @click=${() => this.decide('accept-all')}>
                ${text('panel.acceptAll', msg('Accept all', {desc: 'Panel: button that accepts all optional cookies'}))}
              </button>
              <button part="button reject-all" class="primary" @click=${() => this.decide('reject-all')}>
                ${text('panel.rejectAll', msg('Reject all', {desc: 'Panel: button that refuses all optional cookies'}))}
              </button>
            </div>
            <button part="button save" class="secondary" @click=${() => this.decide('save')}>
              ${text('panel.save', msg('Save my choices', {desc: 'Panel: button that stores the switches as they are set'}))}
            </button>
          </div>
          ${this.renderReceipt()}
        </div>
      </dialog>
    `;
  }

  private renderSwitch(category: OptionalCategory) {
    return html`
      <li part="category">
        <div class="switch-row">
          <label for="switch-${category}">${categoryName(category)}</label>
          <input
            id="switch-${category}"
            part="switch"
            type="checkbox"
            role="switch"
            .checked=${this.draft[category]}
            aria-describedby="description-${category}"
            @change=${(event: Event) =>
              (this.draft = {...this.draft, [category]: (event.target as HTMLInputElement).checked})}
          />
        </div>
        <p class="description" id="description-${category}">${categoryDescription(category)}</p>
      </li>
    `;
  }

  /** The proof of consent, shown to the visitor too: the id and date of the stored decision. */
  private renderReceipt() {
    const decision = this.consent.store.decision;
    if (!decision) return nothing;
    const id = decision.consentId;
    const date = formatDate(decision.decidedAt, this.locale.lang);
    return html`<p class="receipt" part="receipt">
      ${text(
        'panel.receipt',
        msg(str`Your current choice was saved on ${date}. Consent ID: ${id}`, {
          desc: 'Panel: proof of consent; the first placeholder is a date and time, the second an identifier',
        }),
        {date, id}
      )}
    </p>`;
  }

  private decide(action: 'accept-all' | 'reject-all' | 'save'): void {
    const store = this.consent.store;
    // The texts shown, but the receipt: its date and id change from one decision to the next.
    const receipt = this.dialog?.querySelector('.receipt')?.textContent ?? '';
    this.consent.by('panel', this.dialog?.textContent?.replace(receipt, ''), () => {
      // Under Global Privacy Control, targeting follows its switch in the panel.
      if (action === 'accept-all') store.acceptAll('accept-all', this.draft.targeting);
      else if (action === 'reject-all') store.rejectAll();
      else store.decide(this.draft, 'save');
    });
    this.close();
  }

  /** Closes and removes the panel at once; `onClosed` puts focus back when `close` arrives. */
  private readonly close = (): void => {
    this.dialog?.close();
    this.opened = false;
  };

  private readonly onClosed = async (): Promise<void> => {
    // `close` arrives a task later: the panel may have been opened again meanwhile.
    if (this.dialog?.open) return;
    this.opened = false;
    if (this.banner) this.banner.panelOpen = false;
    await this.updateComplete;
    await this.banner?.updateComplete;
    this.banner?.restoreFocus(this.opener);
    this.opener = null;
  };
}

/** The date in the visitor's language; a locale the browser cannot format in never keeps the panel from opening. */
function formatDate(time: number, locale: string): string {
  const options = {dateStyle: 'long', timeStyle: 'short'} as const;
  try {
    return new Intl.DateTimeFormat(locale, options).format(time);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(time);
  }
}

/** Puts the panel into `<cookie-consent>`'s shadow root, before the banner, its parts exposed as the host's. */
export function mountPanel(root: ShadowRoot, banner: CookieConsentBanner): CookieConsentPanel {
  defineElement('cookie-consent-panel', CookieConsentPanel);
  const panel = document.createElement('cookie-consent-panel') as CookieConsentPanel;
  panel.setAttribute('exportparts', PARTS);
  panel.banner = banner;
  root.insertBefore(panel, banner);
  return panel;
}

declare global {
  interface HTMLElementTagNameMap {
    'cookie-consent-panel': CookieConsentPanel;
  }
}

// A checkbox with role="switch" takes its state from `checked`; ARIA in HTML says not to add aria-checked.
/* eslint-disable lit-a11y/role-has-required-aria-attrs */
/**
 * The preferences panel of `<cookie-consent>`: a lazy chunk, loaded when the visitor (or the
 * page) first asks for it, so the banner's first paint does not wait for it. Rendered with
 * lit-html into a container in the element's shadow root.
 */
import {html, nothing, render} from 'lit/html.js';
import {msg, str} from '../i18n/localization.js';
import {alwaysOn, categoryDescription, categoryName} from './texts.js';
import type {Consent, Decision, OptionalCategory} from '../core/store.js';

export {panelStyles} from './panel.styles.js';

/** What the panel shows, and what it calls back. */
export interface PanelView {
  locale: string;
  dir: 'ltr' | 'rtl';
  offered: readonly OptionalCategory[];
  /** A Global Privacy Control signal is honoured, so `targeting` stays off until switched on. */
  gpc: boolean;
  draft: Consent;
  /** The stored decision, for the receipt. */
  decision: Decision | null;
  onSwitch(category: OptionalCategory, on: boolean): void;
  onDecide(action: 'accept-all' | 'reject-all' | 'save'): void;
  onCloseClick(): void;
  onClosed(): void;
}

/** Renders the panel into `container`, or removes it (`view` undefined). */
export function renderPanel(container: HTMLElement, view?: PanelView): void {
  render(view ? panel(view) : nothing, container);
}

function panel(view: PanelView) {
  return html`
    <dialog
      class="surface"
      part="dialog"
      aria-labelledby="panel-title"
      lang=${view.locale}
      dir=${view.dir}
      @close=${view.onClosed}
    >
      <div class="panel">
        <header>
          <h2 id="panel-title">${msg('Your cookie choices', {desc: 'Panel: heading'})}</h2>
          <button
            part="button close"
            class="close"
            aria-label=${msg('Close', {desc: 'Panel: button that closes the panel without saving'})}
            @click=${view.onCloseClick}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.5">
              <path d="M5 5l14 14M19 5L5 19" />
            </svg>
          </button>
        </header>
        <p>
          ${msg(
            'Strictly necessary cookies are always on, because the site cannot work without them. The others stay off unless you switch them on.',
            {desc: 'Panel: introduction above the list of categories'}
          )}
        </p>
        ${
          view.gpc && view.offered.includes('targeting')
            ? html`<p class="note" part="gpc-note">
                ${msg(
                  'Your browser asks sites not to sell or share your data (Global Privacy Control). We respect this: targeting and advertising cookies stay off unless you switch them on yourself.',
                  {desc: 'Panel: note shown when the browser sends a Global Privacy Control signal'}
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
          ${view.offered.map((category) => categorySwitch(view, category))}
        </ul>
        <div class="actions">
          <div class="choice">
            <button part="button accept-all" class="primary" @click=${() => view.onDecide('accept-all')}>
              ${msg('Accept all', {desc: 'Panel: button that accepts all optional cookies'})}
            </button>
            <button part="button reject-all" class="primary" @click=${() => view.onDecide('reject-all')}>
              ${msg('Reject all', {desc: 'Panel: button that refuses all optional cookies'})}
            </button>
          </div>
          <button part="button save" class="secondary" @click=${() => view.onDecide('save')}>
            ${msg('Save my choices', {desc: 'Panel: button that stores the switches as they are set'})}
          </button>
        </div>
        ${receipt(view)}
      </div>
    </dialog>
  `;
}

/** The proof of consent, shown to the visitor too: the id and date of the stored decision. */
function receipt({decision, locale}: PanelView) {
  if (!decision) return nothing;
  const id = decision.consentId;
  const date = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'}).format(decision.decidedAt);
  return html`<p class="receipt" part="receipt">
    ${msg(str`Your current choice was saved on ${date}. Consent ID: ${id}`, {
      desc: 'Panel: proof of consent; the first placeholder is a date and time, the second an identifier',
    })}
  </p>`;
}

function categorySwitch(view: PanelView, category: OptionalCategory) {
  return html`
    <li part="category">
      <div class="switch-row">
        <label for="switch-${category}">${categoryName(category)}</label>
        <input
          id="switch-${category}"
          part="switch"
          type="checkbox"
          role="switch"
          .checked=${view.draft[category]}
          aria-describedby="description-${category}"
          @change=${(event: Event) => view.onSwitch(category, (event.target as HTMLInputElement).checked)}
        />
      </div>
      <p class="description" id="description-${category}">${categoryDescription(category)}</p>
    </li>
  `;
}

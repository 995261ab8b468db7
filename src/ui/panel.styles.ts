/** The preferences panel's own rules; the rest comes from `theme.styles.ts`. */
import {css} from 'lit';

export const panelStyles = css`
  dialog {
    width: min(40em, calc(100vw - 1em));
    max-width: none;
    max-height: calc(100dvh - 1em);
    padding: 0;
    overflow-y: auto;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /*
   * Open, the dialog is a flex column, so that the panel takes at most its height and the list of
   * categories scrolls between the heading and the actions, which stay in view on a phone. (Only
   * when open: a closed dialog keeps the browser's display: none.)
   */
  dialog[open] {
    display: flex;
    flex-direction: column;
    animation: cookie-consent-enter var(--_duration) ease-out;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 1em;
    min-height: 0;
    padding: 1.25em;
    overflow-y: auto;
  }
  .panel > :not(ul) {
    flex: none;
  }
  /*
   * The scrolling middle, the one flex item that shrinks. It keeps room for about one category:
   * where the heading, the text and the actions leave less (400% zoom, a phone on its side), the
   * panel scrolls as a whole instead, so nothing is out of reach. The scroll padding keeps a
   * focused switch's outline clear of the edges. A shadow along the bottom shows that there is
   * more below; a cover at the end of the list, which scrolls with it, hides the shadow once the
   * last category is in view.
   */
  .panel > ul {
    min-height: min(8em, 40dvh);
    overflow-y: auto;
    scroll-padding-block: 0.5em;
    background:
      linear-gradient(transparent, var(--_bg) 70%) bottom / 100% 2em no-repeat local,
      radial-gradient(farthest-side at 50% 100%, color-mix(in srgb, var(--_fg) 35%, transparent), transparent) bottom /
        100% 0.75em no-repeat scroll;
  }
  .panel header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 1em;
  }
  .panel h2 {
    margin-block: 0.5em 0;
  }
  .close {
    flex: none;
    padding: 0.5em;
    background: transparent;
    color: var(--_fg);
    border-color: transparent;
  }
  .close svg {
    width: 1.25em;
    height: 1.25em;
  }
  ul {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .switch-row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1em;
    font-weight: 600;
  }
  label {
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .description {
    margin-top: 0.25em;
    color: var(--_muted);
  }
  .note {
    padding: 0.75em;
    border-inline-start: 4px solid var(--_link);
    background: color-mix(in srgb, var(--_link) 8%, var(--_bg));
  }
  .receipt {
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .always-on {
    margin-inline-start: auto;
    font-weight: 400;
    color: var(--_muted);
  }

  input[role='switch'] {
    appearance: none;
    font: inherit;
    position: relative;
    flex: none;
    width: 3em;
    height: 1.75em;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: 1em;
    background: var(--_bg);
    cursor: pointer;
  }
  input[role='switch']::before {
    content: '';
    position: absolute;
    inset-block-start: 0.1875em;
    inset-inline-start: 0.1875em;
    width: 1.125em;
    height: 1.125em;
    border-radius: 50%;
    background: var(--_border);
    transition: inset-inline-start var(--_duration) ease;
  }
  input[role='switch']:checked {
    border-color: var(--_link);
    background: var(--_link);
  }
  input[role='switch']:checked::before {
    inset-inline-start: calc(100% - 1.3125em);
    background: var(--_on-link);
  }
  input[role='switch']:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }

  @media (forced-colors: active) {
    dialog {
      border: 2px solid CanvasText;
    }
    input[role='switch']::before {
      background: CanvasText;
    }
    input[role='switch']:checked {
      background: Highlight;
    }
    input[role='switch']:checked::before {
      background: HighlightText;
    }
  }
`;

import {css} from 'lit';

/** The banner and the panel; tokens and buttons come from `theme.styles.ts`. */
export const styles = css`
  .banner {
    /* Also resets what browsers give a popover (centred, bordered, sized to content). */
    position: fixed;
    inset: auto 0 0;
    width: auto;
    height: auto;
    margin: 0;
    border: 0;
    z-index: var(--_z);
    max-height: 100dvh;
    overflow-y: auto;
    padding: 1em;
    background: var(--_bg);
    color: var(--_fg);
    border-top: 1px solid var(--_border);
    box-shadow: 0 -0.25em 1.5em rgb(0 0 0 / 0.2);
    animation: cookie-consent-enter var(--_duration) ease-out;
  }
  :host([layout='box']) .banner {
    inset-inline: auto 1em;
    inset-block-end: 1em;
    width: min(26em, calc(100vw - 2em));
    max-height: calc(100dvh - 2em);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  @media (max-width: 40em) {
    .banner {
      padding: 0.75em;
    }
    .content {
      gap: 0.5em;
    }
    h2 {
      font-size: 1em;
    }
  }
  @keyframes cookie-consent-enter {
    from {
      opacity: 0;
      translate: 0 1em;
    }
  }
  .content {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em 2em;
    max-width: var(--cookie-consent-max-width, 72em);
    margin-inline: auto;
  }
  .text {
    flex: 999 1 26em;
    min-width: 0;
  }
  :host([layout='box']) .text {
    flex-basis: 100%;
  }
  h2 {
    margin: 0 0 0.25em;
    font-size: 1.125em;
    line-height: 1.3;
  }
  p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  .actions {
    display: flex;
    flex: 1 1 32em;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .choice {
    /* Agree and don't agree share one grid row, so they always have the same box. */
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.5em;
    flex: 4 1 16em;
  }

  .secondary {
    flex: 1 1 auto;
  }

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
  dialog[open] {
    animation: cookie-consent-enter var(--_duration) ease-out;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .panel {
    display: grid;
    gap: 1em;
    padding: 1.25em;
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
    border-inline-start: 4px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
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
    border-color: var(--_accent);
    background: var(--_accent);
  }
  input[role='switch']:checked::before {
    inset-inline-start: calc(100% - 1.3125em);
    background: var(--_accent-fg);
  }
  input[role='switch']:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }

  .visually-hidden:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Focus lands on the status only when there is nowhere better; it then shows as a notice. */
  [role='status']:focus {
    position: fixed;
    bottom: 1em;
    inset-inline: 1em;
    z-index: var(--_z);
    max-width: 40em;
    margin-inline: auto;
    padding: 0.75em 1em;
    background: var(--_bg);
    color: var(--_fg);
    border: 2px solid var(--_focus);
    border-radius: var(--_radius);
  }
  [role='status']:empty {
    display: none;
  }

  @media (forced-colors: active) {
    .banner,
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

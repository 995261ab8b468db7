import {css} from 'lit';

/** The banner and the panel; tokens and buttons come from `theme.styles.ts`. */
export const styles = css`
  .banner {
    position: fixed;
    inset-inline: 0;
    bottom: 0;
    z-index: var(--_z);
    max-height: 100dvh;
    overflow-y: auto;
    padding: 1rem;
    background: var(--_bg);
    color: var(--_fg);
    border-top: 1px solid var(--_border);
    box-shadow: 0 -0.25rem 1.5rem rgb(0 0 0 / 0.2);
    animation: cookie-consent-enter var(--_duration) ease-out;
  }
  :host([layout='box']) .banner {
    inset-inline: auto 1rem;
    bottom: 1rem;
    width: min(26rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  @media (max-width: 40rem) {
    .banner {
      padding: 0.75rem;
    }
    .content {
      gap: 0.5rem;
    }
    h2 {
      font-size: 1em;
    }
  }
  @keyframes cookie-consent-enter {
    from {
      opacity: 0;
      translate: 0 1rem;
    }
  }
  .content {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 2rem;
    max-width: var(--cookie-consent-max-width, 72rem);
    margin-inline: auto;
  }
  .text {
    flex: 999 1 26rem;
    min-width: 0;
  }
  :host([layout='box']) .text {
    flex-basis: 100%;
  }
  h2 {
    margin: 0 0 0.25rem;
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
    flex: 1 1 32rem;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .choice {
    /* Agree and don't agree share one grid row, so they always have the same box. */
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.5rem;
    flex: 4 1 16rem;
  }

  .secondary {
    flex: 1 1 auto;
  }

  dialog {
    width: min(40rem, calc(100vw - 1rem));
    max-width: none;
    max-height: calc(100dvh - 1rem);
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
    gap: 1rem;
    padding: 1.25rem;
  }
  .panel header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 1rem;
  }
  .panel h2 {
    margin-block: 0.5rem 0;
  }
  .close {
    flex: none;
    padding: 0.5rem;
    background: transparent;
    color: var(--_fg);
    border-color: transparent;
  }
  .close svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  ul {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .switch-row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    font-weight: 600;
  }
  label {
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .description {
    margin-top: 0.25rem;
    color: var(--_muted);
  }
  .note {
    padding: 0.75rem;
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
    position: relative;
    flex: none;
    width: 3rem;
    height: 1.75rem;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: 1rem;
    background: var(--_bg);
    cursor: pointer;
  }
  input[role='switch']::before {
    content: '';
    position: absolute;
    inset-block-start: 0.1875rem;
    inset-inline-start: 0.1875rem;
    width: 1.125rem;
    height: 1.125rem;
    border-radius: 50%;
    background: var(--_border);
    transition: inset-inline-start var(--_duration) ease;
  }
  input[role='switch']:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  input[role='switch']:checked::before {
    inset-inline-start: calc(100% - 1.3125rem);
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
    bottom: 1rem;
    inset-inline: 1rem;
    z-index: var(--_z);
    max-width: 40rem;
    margin-inline: auto;
    padding: 0.75rem 1rem;
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

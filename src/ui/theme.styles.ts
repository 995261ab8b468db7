/**
 * Design tokens and controls shared by every element of the library, so that a site sets the
 * `--cookie-consent-*` custom properties once and themes the banner, the gates and the policy
 * table together. Colours meet 4.5:1 for text and 3:1 for controls in both themes.
 */
import {css, unsafeCSS} from 'lit';

/** Declarations, not a stylesheet: put inside the rules of the dark scheme below. */
const darkColors = unsafeCSS(`
  --_bg: var(--cookie-consent-background, #1c1f24);
  --_fg: var(--cookie-consent-color, #f3f4f6);
  --_muted: var(--cookie-consent-muted-color, #c7ccd4);
  --_accent: var(--cookie-consent-accent, #9cc4ff);
  --_accent-fg: var(--cookie-consent-accent-color, #0b1526);
  --_border: var(--cookie-consent-border-color, #9aa3af);
  --_focus: var(--cookie-consent-focus-color, #ffd166);
  color-scheme: dark;
`);

/** The `:host` variables, the `theme` attribute (`auto`, `light`, `dark`) and reduced motion. */
export const theme = css`
  :host {
    --_bg: var(--cookie-consent-background, #ffffff);
    --_fg: var(--cookie-consent-color, #1b1d21);
    --_muted: var(--cookie-consent-muted-color, #4b5260);
    --_accent: var(--cookie-consent-accent, #1d4ed8);
    --_accent-fg: var(--cookie-consent-accent-color, #ffffff);
    --_border: var(--cookie-consent-border-color, #6b7280);
    --_focus: var(--cookie-consent-focus-color, #b45309);
    --_radius: var(--cookie-consent-radius, 0.5em);
    --_duration: var(--cookie-consent-duration, 200ms);
    --_z: var(--cookie-consent-z-index, 2147483000);
    color-scheme: light;
  }
  /*
   * Each element's outermost box sets the type. Not on :host, which a page's own rules (such as
   * "* { font-size: 8px }") override; sizes inside are in em, so they follow this, not the page.
   * "medium" is the visitor's own default size.
   */
  .surface {
    font-family: var(--cookie-consent-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--cookie-consent-font-size, medium);
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    text-transform: none;
  }
  :host([theme='dark']) {
    ${darkColors}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkColors}
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0s;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/** Buttons (`.primary` filled with the accent, `.secondary` outlined) and the focus outline. */
export const controls = css`
  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    text-align: center;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .primary {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .secondary {
    background: transparent;
    color: var(--_fg);
    border-color: var(--_border);
  }
  button:hover {
    filter: brightness(1.1);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;

/** For elements that take space in the page's flow (the gate, the declaration). */
export const block = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
`;

/** Headings, text, links and the row of choices, as the banner and the panel lay them out. */
export const layout = css`
  /* A slide, not a fade: the banner can be read from its first frame. */
  @keyframes cookie-consent-enter {
    from {
      translate: 0 1em;
    }
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
`;

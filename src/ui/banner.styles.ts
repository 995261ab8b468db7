/** The banner and the status notice; tokens, buttons and their layout come from `theme.styles.ts`. */
import {css} from 'lit';

export const bannerStyles = css`
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
  /* On a short screen (a phone on its side, or zoomed in), half of it stays the page's, so what
     has focus there can be seen: the banner scrolls inside instead. */
  @media (max-height: 30em) {
    .banner,
    :host([layout='box']) .banner {
      max-height: 50dvh;
    }
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
  #banner-purposes {
    margin-block-start: 0.5em;
  }
  [part='purposes'] {
    margin: 0.25em 0 0;
    padding-inline-start: 1.5em;
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

  @media (forced-colors: active) {
    .banner {
      border: 2px solid CanvasText;
    }
  }
`;

/** The own styles of the gate and the declaration; the shared tokens and controls are in `theme.styles.ts`. */
import {css} from 'lit';

export const gateStyles = css`
  .placeholder {
    display: grid;
    align-content: center;
    justify-items: start;
    gap: 0.75em;
    height: 100%;
    padding: 1em;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* Both choices in one grid: the same width and weight, side by side or stacked when narrow. */
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: 0.5em;
    justify-self: stretch;
    max-width: 36em;
  }
  p {
    margin: 0;
    max-width: 65ch;
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .placeholder {
      border-color: CanvasText;
    }
  }
`;

export const declarationStyles = css`
  .declaration {
    display: grid;
    gap: 1em;
    justify-items: start;
  }
  section {
    justify-self: stretch;
    min-width: 0;
    padding: 1em;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  :is(h2, h3, h4, h5, h6) {
    margin: 0 0 0.25em;
    font-size: 1.125em;
    line-height: 1.3;
  }
  p {
    margin: 0 0 0.75em;
    overflow-wrap: anywhere;
  }
  .description {
    color: var(--_muted);
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    margin-bottom: 0.5em;
    font-weight: 600;
    text-align: start;
  }
  th,
  td {
    padding: 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: break-word;
  }
  .none {
    margin: 0;
    font-style: italic;
  }
  @media (forced-colors: active) {
    section {
      border-color: CanvasText;
    }
  }
`;

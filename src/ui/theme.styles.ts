/**
 * Design tokens and controls shared by every element of the library, so that a site sets the
 * `--cookie-consent-*` custom properties once and themes the banner, the gates and the policy
 * table together. Colours meet 4.5:1 for text and 3:1 for controls in both themes, and stay
 * readable whichever one colour a site sets (see the @supports rule below).
 */
import {css, unsafeCSS} from 'lit';

/** Declarations, not a stylesheet: put inside the rules of the dark scheme below. */
const darkColors = unsafeCSS(`
  --_bg0: #1c1f24;
  --_fg0: #f3f4f6;
  --_muted0: #c7ccd4;
  --_accent0: #9cc4ff;
  --_accent-fg0: #0b1526;
  --_border0: #9aa3af;
  --_focus0: #ffd166;
  color-scheme: dark;
`);

/** The `:host` variables, the `theme` attribute (`auto`, `light`, `dark`) and reduced motion. */
export const theme = css`
  :host {
    --_bg0: #ffffff;
    --_fg0: #1b1d21;
    --_muted0: #4b5260;
    --_accent0: #1d4ed8;
    --_accent-fg0: #ffffff;
    --_border0: #6b7280;
    --_focus0: #b45309;
    --_bg: var(--cookie-consent-background, var(--_bg0));
    --_fg: var(--_fg-auto, var(--cookie-consent-color, var(--_fg0)));
    --_muted: var(--_muted-auto, var(--cookie-consent-muted-color, var(--_muted0)));
    --_accent: var(--cookie-consent-accent, var(--_accent-auto, var(--_accent0)));
    --_accent-fg: var(--cookie-consent-accent-color, var(--_accent-fg-auto, var(--_accent-fg0)));
    --_border: var(--_border-auto, var(--cookie-consent-border-color, var(--_border0)));
    --_focus: var(--_focus-auto, var(--cookie-consent-focus-color, var(--_focus0)));
    /* Links and switches that are on: the accent, drawn on the background. */
    --_link: var(--_link-auto, var(--cookie-consent-accent, var(--_accent0)));
    /* The knob of a switch that is on. */
    --_on-link: var(--_on-link-auto, var(--_accent-fg));
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
  /*
   * Readable whatever single colour a site sets. The --_*-auto colours exist only once a site sets
   * a colour (a var() without fallback is invalid otherwise): until then the defaults above are
   * used exactly as they are, as in browsers without relative colours.
   *
   * A colour drawn on the background moves, if it must, until it has 4.6:1 there (WCAG AA asks
   * 4.5 for text, 3 for borders, switches and the focus outline; the main text aims for 7, so that
   * it also reads on the GPC note's tint): a site's colour on the default background, or a default
   * on the site's background. Set together with the background, a colour is the site's choice and
   * is used as given. The same goes for the accent under the text a site sets on it. Text on an
   * accent the site sets, and the knob of a switch that is on, are black or white, whichever reads:
   * white below a luminance of 0.18, where both give the same contrast.
   *
   * The sums are in CIE XYZ, where y is the relative luminance contrast is computed from:
   * (lighter + 0.05) / (darker + 0.05). A colour X to draw on a background travels as
   * color-mix(in xyz-d65, X, B), where B is a black whose alpha is the background's luminance b:
   * mixing premultiplied, the mix holds X / (1 + b) and an alpha of (1 + b) / 2, so one colour
   * carries both. --_goal unpacks X and puts in its alpha the luminance X needs: at most
   * (b + 0.05) / 4.6 - 0.05 on a light background (b from 0.18, alpha from 0.59, where
   * round(alpha - 0.09) is 1), at least (b + 0.05) * 4.6 - 0.05 on a dark one. --_reach gives X
   * that luminance: darker by scaling, lighter by mixing in white (0.95046 1 1.08906), so its hue
   * stays and it stays within sRGB.
   */
  @supports (color: color(from red xyz-d65 round(x) y z / alpha)) {
    :host {
      --_site: var(
        --cookie-consent-background,
        var(
          --cookie-consent-color,
          var(
            --cookie-consent-muted-color,
            var(
              --cookie-consent-accent,
              var(--cookie-consent-accent-color, var(--cookie-consent-border-color, var(--cookie-consent-focus-color)))
            )
          )
        )
      );
      --_on-bg: color(from color-mix(in xyz-d65, var(--_bg), var(--_site) 0%) xyz-d65 0 0 0 / y);
      --_goal: calc(2 * alpha * x) calc(2 * alpha * y) calc(2 * alpha * z) /
        clamp(
          (1 - round(alpha - 0.09)) * min(1, (2 * alpha - 0.95) * 4.6 - 0.05),
          2 * alpha * y,
          1 - round(alpha - 0.09) * (1 - max(0, (2 * alpha - 0.95) / 4.6 - 0.05))
        );
      --_goal-7: calc(2 * alpha * x) calc(2 * alpha * y) calc(2 * alpha * z) /
        clamp(
          (1 - round(alpha - 0.09)) * min(1, (2 * alpha - 0.95) * 7 - 0.05),
          2 * alpha * y,
          1 - round(alpha - 0.09) * (1 - max(0, (2 * alpha - 0.95) / 7 - 0.05))
        );
      --_reach: calc(x * min(1, alpha / max(y, 1e-6)) + max(0, (alpha - y) / max(1 - y, 1e-6)) * (0.95046 - x)) alpha
        calc(z * min(1, alpha / max(y, 1e-6)) + max(0, (alpha - y) / max(1 - y, 1e-6)) * (1.08906 - z)) / 1;
      --_black-or-white: calc(0.95046 * round(0.68 - y)) round(0.68 - y) calc(1.08906 * round(0.68 - y));

      --_fg-auto: var(
        --_fg-pair,
        color(
          from
            color(
              from color-mix(in xyz-d65, var(--cookie-consent-color, var(--_fg0)), var(--_on-bg)) xyz-d65 var(--_goal-7)
            )
            xyz-d65 var(--_reach)
        )
      );
      --_fg-pair: color-mix(in xyz-d65, var(--cookie-consent-color), var(--cookie-consent-background) 0%);
      --_muted-auto: var(
        --_muted-pair,
        color(
          from
            color(
              from color-mix(in xyz-d65, var(--cookie-consent-muted-color, var(--_muted0)), var(--_on-bg)) xyz-d65
                var(--_goal)
            )
            xyz-d65 var(--_reach)
        )
      );
      --_muted-pair: color-mix(in xyz-d65, var(--cookie-consent-muted-color), var(--cookie-consent-background) 0%);
      --_link-auto: var(
        --_link-pair,
        color(
          from
            color(
              from color-mix(in xyz-d65, var(--cookie-consent-accent, var(--_accent0)), var(--_on-bg)) xyz-d65
                var(--_goal)
            )
            xyz-d65 var(--_reach)
        )
      );
      --_link-pair: color-mix(in xyz-d65, var(--cookie-consent-accent), var(--cookie-consent-background) 0%);
      --_border-auto: var(
        --_border-pair,
        color(
          from
            color(
              from color-mix(in xyz-d65, var(--cookie-consent-border-color, var(--_border0)), var(--_on-bg)) xyz-d65
                var(--_goal)
            )
            xyz-d65 var(--_reach)
        )
      );
      --_border-pair: color-mix(in xyz-d65, var(--cookie-consent-border-color), var(--cookie-consent-background) 0%);
      --_focus-auto: var(
        --_focus-pair,
        color(
          from
            color(
              from color-mix(in xyz-d65, var(--cookie-consent-focus-color, var(--_focus0)), var(--_on-bg)) xyz-d65
                var(--_goal)
            )
            xyz-d65 var(--_reach)
        )
      );
      --_focus-pair: color-mix(in xyz-d65, var(--cookie-consent-focus-color), var(--cookie-consent-background) 0%);
      --_accent-auto: color(
        from
          color(
            from
              color-mix(in xyz-d65, var(--_accent0), color(from var(--cookie-consent-accent-color) xyz-d65 0 0 0 / y))
              xyz-d65 var(--_goal)
          )
          xyz-d65 var(--_reach)
      );
      --_accent-fg-auto: color(from var(--cookie-consent-accent) xyz-d65 var(--_black-or-white));
      --_on-link-auto: color(from var(--_link-auto) xyz-d65 var(--_black-or-white));
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
    color: var(--_link);
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

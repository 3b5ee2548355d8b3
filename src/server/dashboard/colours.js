/* The page's colours for graphics, each at least 3:1 against the white canvas (WCAG 2.1 non-text contrast); text
 * colours live in dashboard.css at 4.5:1 or more. Colour is never the only cue: kinds also differ by arrow or shape,
 * countries are written in the labels, UNCERTAIN facts are dashed and say so. */

/** A partnership kind's line colour and the arrowhead (with its legend symbol) that tells it apart without colour. */
export const KIND_STYLES = {
  INVESTMENT: { colour: '#2f6aa3', arrow: 'triangle', symbol: '▶' },
  LICENSING: { colour: '#8e44ad', arrow: 'diamond', symbol: '◆' },
  SUPPLY: { colour: '#b35900', arrow: 'square', symbol: '■' },
  CLOUD: { colour: '#1b7f79', arrow: 'circle', symbol: '●' },
  COLLABORATION: { colour: '#6b6b6b', arrow: 'none', symbol: '—' },
  ACQUISITION: { colour: '#c0392b', arrow: 'tee', symbol: '┤' },
};

/** Country colours, the most frequent countries first. */
export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#c2185b',
  '#7f7f7f',
  '#8a7b00',
  '#00838f',
  '#3949ab',
  '#2e7d32',
  '#5d4037',
];

/** The colour of a node without a group (a company of no known country, an entity of another kind). */
export const NO_GROUP = '#8a8a8a';

/** The explorer's entity kinds: colour, node shape and word. */
export const ENTITY_STYLES = {
  SERVICE: { colour: '#2e7d32', shape: 'diamond', word: 'service' },
  FOUNDATION_MODEL: { colour: '#8e44ad', shape: 'ellipse', word: 'model' },
  COMPANY: { colour: '#2f6aa3', shape: 'round-rectangle', word: 'company' },
  DATASET: { colour: '#a35f00', shape: 'barrel', word: 'data set' },
};

/** Lines of the explorer's dependency steps, and the highlight of a shortest path. */
export const STEP_COLOUR = '#6f7a8c';
export const PATH_COLOUR = '#d1495b';

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrast(first, second) {
  const luminance = (hex) => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

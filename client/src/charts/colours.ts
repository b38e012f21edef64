/**
 * Chart colours (SVG attributes need literal values). Each has at least 3:1 contrast with white,
 * and every meaning also has its own shape or line style, so colour is never the only cue.
 */
export const CHART_COLOURS = {
  value: '#0f5c63',
  centre: '#1d2521',
  limits: '#4b5751',
  beyond: '#a4161a',
  run: '#9a4f00',
  target: '#1f6b33',
  phase: '#4b5751',
  baseline: '#e4e9e5',
  grid: '#d5dcd7',
  own: '#7a3e00',
  funnel95: '#6b7770',
  funnel998: '#1d2521',
  pdsa: '#7a3e00',
  pdsaFill: '#f3c98b',
  runFill: '#d9a066',
} as const;

/** A long run's band is light: it marks months, it must not hide the points and lines in it. */
export const RUN_BAND_OPACITY = 0.1;

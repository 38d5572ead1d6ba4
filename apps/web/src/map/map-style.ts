import notoSans from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { LngLatBoundsLike, StyleSpecification } from 'maplibre-gl';
import type { Bbox } from './boundaries.ts';

/**
 * The map works offline: the default style is a plain background and the boundary layers draw
 * on top. It has no `glyphs` URL: map text (orientation-layer.tsx) is drawn in the browser from
 * one bundled font file (Noto Sans, `font-faces`), and district names are DOM markers
 * (district-labels.tsx). A deployment sets LANTERN_BASEMAP_STYLE_URL on the server (map.layers
 * hands it to the client) to draw a real basemap underneath.
 */
export const backgroundColour = '#eef1f4';

/** The font of Lantern's own map text, by the name symbol layers ask for in `text-font`. */
export const labelFont = 'Noto Sans Regular';

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Lantern offline',
    'font-faces': { [labelFont]: new URL(notoSans, window.location.href).href },
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': backgroundColour } }],
  };
}

export function baseStyle(basemapUrl: string | null | undefined): string | StyleSpecification {
  return basemapUrl ? basemapUrl : offlineStyle();
}

/** Nottinghamshire and Nottingham City, from the bundled district boundaries. */
export const countyBbox: Bbox = [-1.3446, 52.7894, -0.6664, 53.5025];

export function toBounds(bbox: Bbox): LngLatBoundsLike {
  return [
    [bbox[0], bbox[1]],
    [bbox[2], bbox[3]],
  ];
}

export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A maplibre style URL to draw under the boundaries (build time; unset: the offline style). */
  readonly LANTERN_BASEMAP_STYLE_URL?: string;
}

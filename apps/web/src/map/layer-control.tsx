import type { MapLayer, MapLayerId, PlaceCategory } from '@lantern/domain';
import { useId } from 'react';
import { layerColours, placeCategoryColours, placeCategoryLabels } from './layers/layer-styles.ts';

export interface LayerControlProps {
  layers: readonly MapLayer[];
  visible: ReadonlySet<MapLayerId>;
  onToggle(id: MapLayerId, on: boolean): void;
  crimeTypes: readonly string[];
  onCrimeTypes(types: string[]): void;
}

/**
 * The layers a user may switch on, each with its legend swatch; the crime layer's types; and the
 * place categories' colours while places are shown. Checkboxes, so it works from the keyboard.
 */
export function LayerControl({ layers, visible, onToggle, crimeTypes, onCrimeTypes }: LayerControlProps) {
  const headingId = useId();
  const crime = layers.find((layer) => layer.id === 'crime');
  const places = layers.find((layer) => layer.id === 'places');
  return (
    <section className="layer-control" aria-labelledby={headingId}>
      <h2 id={headingId} className="layer-control__heading">
        Layers
      </h2>
      <ul className="layer-control__list">
        {layers.map((layer) => (
          <li key={layer.id}>
            <label className="layer-control__layer">
              <input
                type="checkbox"
                checked={visible.has(layer.id)}
                onChange={(event) => onToggle(layer.id, event.currentTarget.checked)}
              />
              <span className="legend-swatch" style={{ background: layerColours[layer.id] }} aria-hidden="true" />
              {layer.label}
            </label>
          </li>
        ))}
      </ul>
      {crime && visible.has('crime') && crime.types.length > 0 && (
        <CrimeTypePicker types={crime.types} chosen={crimeTypes} onChange={onCrimeTypes} />
      )}
      {places && visible.has('places') && <PlaceLegend categories={places.types as PlaceCategory[]} />}
      <p className="layer-control__note">
        Circles group nearby events; a bigger circle holds more. Zoom in or click one to see what it holds.
      </p>
    </section>
  );
}

function CrimeTypePicker({
  types,
  chosen,
  onChange,
}: {
  types: readonly string[];
  chosen: readonly string[];
  onChange(types: string[]): void;
}) {
  const summary = chosen.length === 0 ? 'all types' : `${chosen.length} of ${types.length} types`;
  return (
    <details className="layer-control__types">
      <summary>Crime types: {summary}</summary>
      <fieldset>
        <legend className="visually-hidden">Crime types to show</legend>
        {types.map((type) => (
          <label key={type} className="layer-control__type">
            <input
              type="checkbox"
              checked={chosen.includes(type)}
              onChange={(event) =>
                onChange(
                  event.currentTarget.checked ? [...chosen, type] : chosen.filter((existing) => existing !== type),
                )
              }
            />
            {type}
          </label>
        ))}
        {chosen.length > 0 && (
          <button className="button button--quiet" type="button" onClick={() => onChange([])}>
            Show every type
          </button>
        )}
      </fieldset>
    </details>
  );
}

function PlaceLegend({ categories }: { categories: readonly PlaceCategory[] }) {
  return (
    <div className="layer-control__legend">
      <h3>Places by category</h3>
      <ul>
        {categories.map((category) => (
          <li key={category}>
            <span
              className="legend-swatch legend-swatch--round"
              style={{ background: placeCategoryColours[category] }}
              aria-hidden="true"
            />
            {placeCategoryLabels[category]}
          </li>
        ))}
      </ul>
    </div>
  );
}

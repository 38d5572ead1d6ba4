const openGovernmentLicence = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/** data/ATTRIBUTION.md: what the Open Government Licence asks us to show beside the data we draw. */
export function MapAttribution({
  showCrime = false,
  showStreetNames = false,
  basemap = null,
}: {
  showCrime?: boolean;
  /** Street names drawn from police.uk's map points (orientation-layer.tsx). */
  showStreetNames?: boolean;
  basemap?: string | null;
}) {
  return (
    <p className="map-attribution">
      Boundaries: Source: Office for National Statistics licensed under the{' '}
      <a href={openGovernmentLicence} rel="license noreferrer">
        Open Government Licence v3.0
      </a>
      . Contains OS data © Crown copyright and database right 2016–2024.
      {showCrime && <> Crime: data.police.uk, Open Government Licence v3.0.</>}
      {showStreetNames && !showCrime && <> Street names: data.police.uk, Open Government Licence v3.0.</>}
      {basemap && <> Basemap: {basemap}</>}
    </p>
  );
}

/** data/ATTRIBUTION.md: what the Open Government Licence asks us to show beside the boundaries. */
export function MapAttribution() {
  return (
    <p className="map-attribution">
      Boundaries: Source: Office for National Statistics licensed under the{' '}
      <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license noreferrer">
        Open Government Licence v3.0
      </a>
      . Contains OS data © Crown copyright and database right 2016–2024.
    </p>
  );
}

export interface PointName {
  /** The ward the point lies in, and its district. */
  ward: string | null;
  district: string | null;
  /** The nearest street police.uk names within 400 m, if any. */
  street: string | null;
}

/**
 * A point named for a reader, from its ward, district and nearest street.
 *
 * @example
 * pointDescription({ ward: 'Central', district: 'Mansfield', street: 'Westgate' }); // → "Central ward, Mansfield, near Westgate"
 */
export function pointDescription(name: PointName): string | null {
  const where = name.ward ? `${name.ward} ward${name.district ? `, ${name.district}` : ''}` : name.district;
  if (!where && !name.street) return null;
  return [where, name.street ? `near ${name.street}` : null].filter(Boolean).join(', ');
}

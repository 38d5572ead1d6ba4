import type { PrismaTx } from './prisma-tx.ts';

/** The date span and the types present in each event source: what the map's controls offer. */
export interface LayerExtentRow {
  layer: 'places' | 'crime' | 'intelligence' | 'missing';
  from: string | null;
  to: string | null;
  types: string[];
}

export async function mapLayerExtents(prisma: PrismaTx): Promise<LayerExtentRow[]> {
  return prisma.$queryRaw<LayerExtentRow[]>`
    SELECT 'places' AS layer, min(concern_since)::text AS "from", max(coalesce(concern_until, concern_since))::text AS "to",
      coalesce(array_agg(DISTINCT category::text ORDER BY category::text), '{}') AS types
    FROM place_of_concern
    UNION ALL
    SELECT 'crime', min(month)::text, (max(month) + interval '1 month' - interval '1 day')::date::text,
      coalesce(array_agg(DISTINCT crime_type ORDER BY crime_type), '{}')
    FROM crime_event
    UNION ALL
    SELECT 'intelligence', min(day)::text, max(day)::text, coalesce(array_agg(DISTINCT category ORDER BY category), '{}')
    FROM (SELECT (coalesce(occurred_at, submitted_at) AT TIME ZONE 'Europe/London')::date AS day, category::text AS category
          FROM intelligence_report) i
    UNION ALL
    SELECT 'missing', min(day)::text, max(day)::text, '{}'
    FROM (SELECT (reported_at AT TIME ZONE 'Europe/London')::date AS day FROM missing_episode) m`;
}

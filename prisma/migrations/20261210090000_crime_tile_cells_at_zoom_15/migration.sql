-- Crime tiles at zoom 15 now read counted cells too: its clusters (one tile unit each) are kept as
-- the 64-unit cells of level 21 (packages/db/src/crime-tile-cells.ts). Every month already counted
-- lacks them: every month is marked for recounting, which `db migrate` does in the same run; until
-- then tiles cluster the points, as for any uncounted month.
INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM crime_event
  ON CONFLICT DO NOTHING;

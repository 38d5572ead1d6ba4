-- Level 13 now keeps each cell's totals over every month and type, as levels 0–12 do
-- (packages/db/src/crime-tile-cells.ts). Every month is marked for recounting, which `db migrate`
-- does in the same run; until then tiles cluster the points, as for any uncounted month.
INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM crime_event
  ON CONFLICT DO NOTHING;

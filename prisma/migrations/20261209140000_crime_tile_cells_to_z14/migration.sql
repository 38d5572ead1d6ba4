-- Crime tile cells now reach zoom 14 (packages/db/src/crime-tile-cells.ts): every month already
-- counted lacks levels 12–14, so every month is marked for recounting. `db migrate` recounts in
-- the same run, and until then tiles cluster the points, as for any uncounted month.
INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM crime_event
  ON CONFLICT DO NOTHING;

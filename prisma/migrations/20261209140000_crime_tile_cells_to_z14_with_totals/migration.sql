-- Crime tile cells now reach zoom 14, and levels 0–12 also keep each cell's totals over every
-- month and type (packages/db/src/crime-tile-cells.ts).
--
-- crime_tile_total: a cell's crimes across all months and types, with the sums of their
-- coordinates, the latest month and the commonest type (ties to the first by name). The map with no
-- date or type filter (its default) reads these: a national z10 tile held 236,000 month-and-type
-- cells but at most 66 × 66 totals.
CREATE TABLE "crime_tile_total" (
    "z" SMALLINT NOT NULL,
    "cx" INTEGER NOT NULL,
    "cy" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "sx" DOUBLE PRECISION NOT NULL,
    "sy" DOUBLE PRECISION NOT NULL,
    "month" DATE NOT NULL,
    "crime_type" TEXT NOT NULL,
    CONSTRAINT "crime_tile_total_pkey" PRIMARY KEY ("z", "cx", "cy")
);

-- Every month already counted lacks levels 12–14 and the totals: every month is marked for
-- recounting, which `db migrate` does in the same run; until then tiles cluster the points, as for
-- any uncounted month.
INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM crime_event
  ON CONFLICT DO NOTHING;

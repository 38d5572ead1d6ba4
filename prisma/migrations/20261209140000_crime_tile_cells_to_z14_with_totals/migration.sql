-- Crime tile cells now reach zoom 14, and levels 0–12 also keep their totals over every month
-- (packages/db/src/crime-tile-cells.ts).
--
-- crime_tile_total: a cell's crimes of one type across all months, with the sums of their
-- coordinates and the latest month. The map with no date filter (its default) reads these: a
-- national z10 tile held 236,000 month-and-type cells but only a few thousand totals.
CREATE TABLE "crime_tile_total" (
    "z" SMALLINT NOT NULL,
    "cx" INTEGER NOT NULL,
    "cy" INTEGER NOT NULL,
    "crime_type" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "sx" DOUBLE PRECISION NOT NULL,
    "sy" DOUBLE PRECISION NOT NULL,
    "month" DATE NOT NULL,
    CONSTRAINT "crime_tile_total_pkey" PRIMARY KEY ("z", "cx", "cy", "crime_type")
);

-- Every month already counted lacks levels 12–14 and the totals: every month is marked for
-- recounting, which `db migrate` does in the same run; until then tiles cluster the points, as for
-- any uncounted month.
INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM crime_event
  ON CONFLICT DO NOTHING;

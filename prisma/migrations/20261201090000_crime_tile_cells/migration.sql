-- Police.uk crime pre-clustered for map tiles below zoom 12 (packages/db/src/crime-tile-cells.ts).
-- Level z holds the cells a tile of zoom z clusters into (64 tile units: 1/64 of a tile's side,
-- EPSG:3857 metres), counted per month and crime type with the sums of the points' coordinates,
-- so a low-zoom tile reads a few thousand cells instead of every crime in view. Cell indices count
-- from the west (cx) and south (cy) edges of the Web Mercator square, so they are never negative.
CREATE TABLE "crime_tile_cell" (
    "z" SMALLINT NOT NULL,
    "cx" INTEGER NOT NULL,
    "cy" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "crime_type" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "sx" DOUBLE PRECISION NOT NULL,
    "sy" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "crime_tile_cell_pkey" PRIMARY KEY ("z", "cx", "cy", "month", "crime_type")
);

-- Months whose cells no longer match crime_event. Every statement that writes crime_event marks
-- the months it touched; the writer refreshes them before it commits, and tiles fall back to the
-- points while any month is marked.
CREATE TABLE "crime_tile_stale_month" (
    "month" DATE NOT NULL,
    CONSTRAINT "crime_tile_stale_month_pkey" PRIMARY KEY ("month")
);

CREATE FUNCTION lantern_mark_crime_months_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM lantern_new_rows
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM lantern_old_rows
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "crime_event_marks_tiles_stale_insert" AFTER INSERT ON "crime_event"
  REFERENCING NEW TABLE AS lantern_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_mark_crime_months_stale();
CREATE TRIGGER "crime_event_marks_tiles_stale_update" AFTER UPDATE ON "crime_event"
  REFERENCING OLD TABLE AS lantern_old_rows NEW TABLE AS lantern_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_mark_crime_months_stale();
CREATE TRIGGER "crime_event_marks_tiles_stale_delete" AFTER DELETE ON "crime_event"
  REFERENCING OLD TABLE AS lantern_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_mark_crime_months_stale();

-- Crimes already loaded: every month they cover is stale until the first refresh.
INSERT INTO crime_tile_stale_month (month) SELECT DISTINCT month FROM crime_event;

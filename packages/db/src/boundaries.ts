import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { shippedPath } from './paths.ts';
import type { Sql, TransactionalSql } from './sql.ts';

/**
 * Loads the bundled ONS boundaries (data/*.geojson) into district, ward and lsoa. Each file is
 * loaded once per checksum (dataset_load), so running migrate again is cheap and changes nothing.
 */
interface BoundaryFeature {
  id?: string;
  properties: { code: string; name: string; type?: string; lad_code?: string };
  geometry: unknown;
}

interface BoundaryFile {
  table: 'district' | 'ward' | 'lsoa';
  file: string;
}

export const boundaryFiles: readonly BoundaryFile[] = [
  { table: 'district', file: 'data/nottinghamshire-districts.geojson' },
  { table: 'ward', file: 'data/nottinghamshire-wards.geojson' },
  { table: 'lsoa', file: 'data/nottinghamshire-lsoa-2011.geojson' },
];

export interface BoundaryLoadReport {
  loaded: Record<string, number>;
  unchanged: string[];
}

export async function loadBoundaries(sql: TransactionalSql): Promise<BoundaryLoadReport> {
  const report: BoundaryLoadReport = { loaded: {}, unchanged: [] };
  await sql.transaction(async (tx) => {
    for (const { table, file } of boundaryFiles) {
      const text = readFileSync(shippedPath(file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const [current] = await tx.query<{ checksum: string }>('SELECT checksum FROM dataset_load WHERE name = $1', [
        file,
      ]);
      if (current?.checksum === checksum) {
        report.unchanged.push(file);
        continue;
      }
      const features = (JSON.parse(text) as { features: BoundaryFeature[] }).features;
      await upsertBoundaries(tx, table, features);
      await tx.query(
        `INSERT INTO dataset_load (name, checksum, rows) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, rows = EXCLUDED.rows, loaded_at = now()`,
        [file, checksum, features.length],
      );
      report.loaded[file] = features.length;
    }
  });
  return report;
}

async function upsertBoundaries(sql: Sql, table: BoundaryFile['table'], features: BoundaryFeature[]) {
  const codes = features.map((f) => f.properties.code);
  const names = features.map((f) => f.properties.name);
  const geometries = features.map((f) => JSON.stringify(f.geometry));
  const geom = 'ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(t.geometry), 4326))';
  if (table === 'district') {
    await sql.query(
      `INSERT INTO district (code, name, kind, geom)
       SELECT t.code, t.name, t.kind::district_kind, ${geom}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, kind, geometry)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, geom = EXCLUDED.geom`,
      [codes, names, features.map((f) => f.properties.type ?? 'district'), geometries],
    );
    return;
  }
  const districtCodes = features.map((f) => f.properties.lad_code ?? null);
  const vintage = table === 'ward' ? ", vintage = '2024'" : '';
  await sql.query(
    `INSERT INTO ${table} (code, name, district_code, geom${table === 'ward' ? ', vintage' : ''})
     SELECT t.code, t.name, t.district_code, ${geom}${table === 'ward' ? ", '2024'" : ''}
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, district_code, geometry)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, district_code = EXCLUDED.district_code, geom = EXCLUDED.geom${vintage}`,
    [codes, names, districtCodes, geometries],
  );
}

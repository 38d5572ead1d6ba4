import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { chunksAhead, closePoliceUkReaders, readPoliceUk } from './police-uk-reader.ts';
import type { PoliceUkItem } from './police-uk-rows.ts';

/**
 * The police.uk import's reader thread, without a database: what it makes of a file's records,
 * and that it reads only a bounded way ahead of the import taking them.
 */
afterAll(() => closePoliceUkReaders());

const header =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (id: string, month = '2022-02', lonLat = '-1.15,52.95') =>
  `${id},${month},Nottinghamshire Police,Nottinghamshire Police,${lonLat},On or near X,E01,N 001A,Burglary,Under investigation,`;

async function readAll(text: string | Readable, file = 'f.csv') {
  const input = typeof text === 'string' ? Readable.from([Buffer.from(text)]) : text;
  let seenHeader: string[] | undefined;
  const items: PoliceUkItem[] = [];
  for await (const chunk of readPoliceUk(input, { file, crimeType: undefined, districts: [] }, 100, (h) => {
    seenHeader = h;
  }))
    items.push(...chunk);
  return { header: seenHeader, items };
}

describe('readPoliceUk', () => {
  it("gives every record back by its line: staged rows in COPY's format, bad rows with their problems", async () => {
    const text = [header, row('a'), row('b', '2022-14'), '', row('c', '2022-03', ','), `${row('d')},"open`, row('a')]
      .map((line) => `${line}\r\n`)
      .join('');
    const { header: seen, items } = await readAll(text);
    expect(seen).toEqual(header.split(','));
    const byLine = items.map((item) =>
      item.kind === 'malformed' ? [item.problem.line, 'malformed'] : [item.line, item.kind],
    );
    // Line 4 is empty. Line 6 opens a quote it never closes: csv-parse reads on to the file's end
    // (line 7 with it) and names the line after the last.
    expect(byLine.sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual([
      [2, 'staged'],
      [3, 'invalid'],
      [5, 'staged'],
      [9, 'malformed'],
    ]);
    const staged = items.filter((item) => item.kind === 'staged');
    // Every field of a row as staged, in crime_event's columns; no district, as none was given. The
    // point is hex EWKB, as PostGIS writes ST_SetSRID(ST_MakePoint(-1.15, 52.95), 4326) (in capitals).
    const point = '0101000020E6100000666666666666F2BF9A99999999794A40'.toLowerCase();
    const fields = (id: string, month: string, geom: string) =>
      [id, id, month, 'Nottinghamshire Police', 'Nottinghamshire Police', geom, 'On or near X'].concat([
        'E01',
        'N 001A',
        'Burglary',
        'Under investigation',
        '\\N',
        '\\N\n',
      ]);
    expect(staged.map((item) => item.staged.split('\t'))).toEqual([
      fields('a', '2022-02-01', point),
      fields('c', '2022-03-01', '\\N'),
    ]);
    expect(staged.map((item) => [item.month, item.withoutLocation])).toEqual([
      ['2022-02-01', false],
      ['2022-03-01', true],
    ]);
    const invalid = items.find((item) => item.kind === 'invalid');
    expect(invalid?.kind === 'invalid' && invalid.problems.map((problem) => problem.field)).toEqual(['Month']);
    expect(invalid?.kind === 'invalid' && invalid.record[0]).toBe('b');
  });

  it('throws what is wrong with a file that is not a police.uk CSV, or is empty', async () => {
    await expect(readAll('name,dob\nA,2010-01-01\n', 'people.csv')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/^people\.csv, line 1: not a data\.police\.uk street CSV/),
    });
    await expect(readAll('', 'empty.csv')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'empty.csv, line 1: the file is empty: expected a data.police.uk header row',
    });
  });

  it('reads only a bounded way ahead of what is taken, however long the file', async () => {
    const rowsPerPush = 200;
    const total = 100_000;
    let produced = 0;
    // Each read of the input is one push of 200 rows, and the stream buffers one push at most.
    const input = new Readable({
      objectMode: true,
      highWaterMark: 1,
      read() {
        if (produced >= total) {
          this.push(null);
          return;
        }
        const lines = [];
        if (produced === 0) lines.push(header);
        for (let index = 0; index < rowsPerPush; index++) lines.push(row(`r${produced + index}`));
        produced += rowsPerPush;
        this.push(`${lines.join('\n')}\n`);
      },
    });
    const lookahead = 1_000;
    let taken = 0;
    let furthestAhead = 0;
    for await (const chunk of readPoliceUk(
      input,
      { file: 'long.csv', crimeType: undefined, districts: [] },
      lookahead,
      () => {},
    )) {
      taken += chunk.length;
      furthestAhead = Math.max(furthestAhead, produced - taken);
      // A slow import: the reader and the input would run on to the end if nothing held them.
      for (let turn = 0; turn < 20; turn++) await nextTurn();
    }
    expect(taken).toBe(total);
    // The records read but not taken, the chunks sent to the reader, and what the input buffers.
    const bound = lookahead + (chunksAhead + 2) * rowsPerPush;
    expect(furthestAhead).toBeGreaterThan(0);
    expect(furthestAhead).toBeLessThanOrEqual(bound);
  });

  it('stops the reader and the input when the import stops taking records', async () => {
    const text = `${[header, ...Array.from({ length: 5_000 }, (_, index) => row(`s${index}`))].join('\n')}\n`;
    const input = Readable.from(
      Array.from({ length: 50 }, (_, index) =>
        Buffer.from(text.slice((index * text.length) / 50, ((index + 1) * text.length) / 50)),
      ),
    );
    for await (const chunk of readPoliceUk(
      input,
      { file: 's.csv', crimeType: undefined, districts: [] },
      100,
      () => {},
    )) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(input.destroyed).toBe(true);
    // The reader's thread is free for the next file.
    expect((await readAll(`${header}\n${row('t')}\n`)).items).toHaveLength(1);
  });
});

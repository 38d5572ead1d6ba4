import { describe, expect, it } from 'vitest';
import { kindLabel } from '../map/cluster-panel.tsx';
import { giSentence, recordLine } from './hotspot-cell-panel.tsx';

describe('hot spots and clusters in words, not codes', () => {
  it('says how sure a Gi* cell is, instead of "p = < 0.001"', () => {
    expect(giSentence({ z: 6.4, p: 1.5e-10, bin: 3 })).toBe(
      'Hot spot with 99% confidence: the chance of a cluster this strong at random is less than 1 in 1,000 (Gi* z-score 6.40)',
    );
    expect(giSentence({ z: -1.8, p: 0.072, bin: -1 })).toBe(
      'Cold spot with 90% confidence: the chance of a cluster this strong at random is about 72 in 1,000 (Gi* z-score -1.80)',
    );
    expect(giSentence({ z: 0.1, p: 0.92, bin: 0 })).toMatch(/^Not significant: /);
  });

  it('names a cluster’s commonest category, not its code', () => {
    expect(kindLabel({ layer: 'intelligence', kind: 'cse' })).toBe('Child sexual exploitation (CSE)');
    expect(kindLabel({ layer: 'crime', kind: 'Burglary' })).toBe('Burglary');
  });

  it('writes a cell’s records in words, a crime with its category and month', () => {
    expect(recordLine({ kind: 'intelligence_report', date: '2024-01-05', label: 'county_lines', type: null })).toBe(
      'Intelligence report: County lines — 5 Jan 2024',
    );
    expect(recordLine({ kind: 'crime', date: '2024-01-01', label: 'On or near Westgate', type: 'Drugs' })).toBe(
      'Drugs, On or near Westgate — Jan 2024',
    );
  });
});

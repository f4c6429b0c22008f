/**
 * The example programmes: folder, generator, seed and the as-of date each is settled at.
 *
 * @module
 */
import * as cluster from '../../examples/cluster-engineering/generate.js';
import * as idf from '../../examples/idf-apprenticeship/generate.js';
import * as ppp from '../../examples/ppp-impact/generate.js';
import * as professionEmploi from '../../examples/profession-emploi/generate.js';
import * as regionSud from '../../examples/region-sud/generate.js';
import * as ukRateCard from '../../examples/uk-rate-card/generate.js';

/** One example programme. */
export interface Programme {
  readonly name: string;
  readonly seed: number;
  readonly asOf: string;
  readonly generate: (seed: number) => { readonly csv: string; readonly ndjson: string; readonly records: readonly unknown[] };
  /** Written before format 2.0: a 1.0 copy of its contract and settlement is under test/fixtures/v1/examples/. */
  readonly version1: boolean;
}

/** The programmes; each is settled at its export date. */
export const PROGRAMMES: readonly Programme[] = [
  { name: 'region-sud', seed: regionSud.SEED, asOf: regionSud.EXPORTED_ON, generate: regionSud.generate, version1: true },
  { name: 'ppp-impact', seed: ppp.SEED, asOf: ppp.EXPORTED_ON, generate: ppp.generate, version1: true },
  { name: 'uk-rate-card', seed: ukRateCard.SEED, asOf: ukRateCard.EXPORTED_ON, generate: ukRateCard.generate, version1: true },
  { name: 'idf-apprenticeship', seed: idf.SEED, asOf: idf.EXPORTED_ON, generate: idf.generate, version1: false },
  { name: 'profession-emploi', seed: professionEmploi.SEED, asOf: professionEmploi.EXPORTED_ON, generate: professionEmploi.generate, version1: false },
  { name: 'cluster-engineering', seed: cluster.SEED, asOf: cluster.EXPORTED_ON, generate: cluster.generate, version1: false },
];

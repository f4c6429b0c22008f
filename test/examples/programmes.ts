/**
 * The example programmes: folder, generator, seed and the as-of date each is settled at.
 *
 * @module
 */
import * as ppp from '../../examples/ppp-impact/generate.js';
import * as regionSud from '../../examples/region-sud/generate.js';
import * as ukRateCard from '../../examples/uk-rate-card/generate.js';

/** One example programme. */
export interface Programme {
  readonly name: string;
  readonly seed: number;
  readonly asOf: string;
  readonly generate: (seed: number) => { readonly csv: string; readonly ndjson: string; readonly records: readonly unknown[] };
}

/** The three programmes; each is settled at its export date. */
export const PROGRAMMES: readonly Programme[] = [
  { name: 'region-sud', seed: regionSud.SEED, asOf: regionSud.EXPORTED_ON, generate: regionSud.generate },
  { name: 'ppp-impact', seed: ppp.SEED, asOf: ppp.EXPORTED_ON, generate: ppp.generate },
  { name: 'uk-rate-card', seed: ukRateCard.SEED, asOf: ukRateCard.EXPORTED_ON, generate: ukRateCard.generate },
];

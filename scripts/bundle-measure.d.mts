/** Types of scripts/bundle-measure.mjs (for the test that imports it). */

/** 1 KB, as the sizes are written (docs/browser.md). */
export declare const KB: number;

/** What `npm run size` measures, and the targets of issue #15 (gzip bytes) where there is one. */
export declare const SIZE_CASES: readonly { readonly name: string; readonly imports: readonly string[] | '*'; readonly targetGzip?: number }[];

/** The package an input of esbuild's metafile belongs to. */
export declare function packageOf(input: string, ownName: string): string;

/** A browser bundle of some imports of the package, measured. */
export interface MeasuredBundle {
  readonly code: Uint8Array;
  readonly minified: number;
  readonly gzip: number;
  /** Minified bytes by package, largest first. */
  readonly byPackage: Readonly<Record<string, number>>;
  /** The files that put at least one byte in the bundle, as esbuild names them. */
  readonly inputs: readonly string[];
}

/** Bundles `export { ...imports } from entry` (or `export * from entry` for '*') for a browser. */
export declare function bundleImports(options: {
  readonly entry: string;
  readonly imports: readonly string[] | '*';
  readonly resolveDir: string;
  readonly ownName?: string;
  readonly nodePaths?: readonly string[];
}): Promise<MeasuredBundle>;

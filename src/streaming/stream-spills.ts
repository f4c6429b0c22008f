/**
 * The spill stores one streamed settlement opens (one for the participant ids, one per read for
 * the issue log), each disposed of once: by its user as soon as it is not needed, and in any case
 * before `settleStream` returns.
 *
 * @module
 */
import { spillStep } from './spill-failure.js';
import type { SpillStore } from './spill-store.js';
import type { LogSpill } from './stream-issues.js';
import type { StreamStorage } from './stream-storage.js';

/**
 * Opens stores through a {@link StreamStorage} and keeps them. `ids` is the storage for the
 * participant ids and `issues` where the issue logs spill; every store they open is kept, and
 * its `dispose` runs the store's once (later calls do nothing). `dispose()` disposes of every
 * store not yet disposed of, all of them even when one fails, then throws the first failure (a
 * `SpillFailure` naming what the store held).
 *
 * @example
 * const spills = keepSpills(tempFileStorage());
 * const ids = streamIds(spills.ids);
 * await spills.dispose();
 */
export interface SpillKeeper {
  readonly ids: StreamStorage;
  readonly issues: LogSpill;
  dispose(): Promise<void>;
}

/**
 * A keeper of the stores `storage` opens.
 *
 * @example
 * const spills = keepSpills(storage);
 */
export function keepSpills(storage: StreamStorage): SpillKeeper {
  const open: { readonly subject: string; readonly dispose: () => Promise<void> }[] = [];
  const openKept = (subject: string): SpillStore => {
    const store = storage.openSpill();
    let disposed = false;
    const dispose = async (): Promise<void> => {
      if (disposed) return; // once, whatever came of it: a failure is reported once
      disposed = true;
      await store.dispose();
    };
    open.push({ subject, dispose });
    return { writeRun: (bytes) => store.writeRun(bytes), readRun: (run, offset, into) => store.readRun(run, offset, into), dispose };
  };
  return {
    ids: { ...storage, openSpill: () => openKept('participant ids') },
    issues: { open: () => openKept('data-quality issues'), blockBytes: storage.issueBlockBytes },
    async dispose() {
      let failure: Error | undefined;
      for (const { subject, dispose } of open.splice(0)) {
        try {
          await spillStep('removing the spill store', dispose, subject);
        } catch (error) {
          failure ??= error instanceof Error ? error : new Error(String(error));
        }
      }
      if (failure !== undefined) throw failure;
    },
  };
}

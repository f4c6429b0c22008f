/**
 * Test-wide fast-check settings: a property that fails on a large generated scenario can spend a
 * very long time shrinking it. Interrupting after 45 s, and counting the interruption as a
 * failure, keeps a failing property from hanging the suite while still failing the run.
 */
import fc from 'fast-check';

// fast-check 4.10 prefers the interruptAfterTimeLimit plugin, but plugins cannot be set globally
// (GlobalParameters excludes them), so the global options are the only suite-wide switch.
// eslint-disable-next-line @typescript-eslint/no-deprecated
fc.configureGlobal({ interruptAfterTimeLimit: 45_000, markInterruptAsFailure: true });

/**
 * The evidence fingerprint of the records: a cryptographic, order-independent fingerprint a payer
 * can rely on and recompute. Each settled record is written as canonical JSON and hashed with
 * SHA-256; so is each data-quality issue (by {@link issueIdentity}); the digests are sorted and the
 * SHA-256 of their sorted hex lines is the fingerprint. Asked for with the option
 * `evidenceFingerprint` (it costs a SHA-256 per record and 32 bytes of memory per record).
 *
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { formatDate } from '../calendar/index.js';
import type { Issue } from '../errors.js';
import { formatDecimal, type Amount } from '../money/index.js';
import { recordEarnings, spellEmployer, spellSector, type OutcomeRecord } from '../records/index.js';
import { issueIdentity } from './records-fingerprint.js';

const DIGEST = 32;

function text(value: string): string {
  return JSON.stringify(value);
}

function amount(value: Amount): string {
  return `"${formatDecimal(value)}"`;
}

/**
 * A validated record as canonical JSON: keys sorted, no whitespace, absent optional fields
 * omitted, dates `YYYY-MM-DD`, amounts as plain decimal strings without trailing zeros
 * (`"1650.5"`), hours as JSON numbers, lists in the order validation gives them (spells by start,
 * wages by date, events by date then kind, groups as written). Written field by field: the same
 * text as `canonicalJson` of that object (a test holds them together), without building it.
 *
 * @example
 * recordEvidenceText(record); // '{"cohort":"2024-A","enrolledOn":"2024-01-15","events":[],"groups":[],"id":"A","spells":[],"wages":[]}'
 */
export function recordEvidenceText(record: OutcomeRecord): string {
  let out = '{';
  if (record.baselineWage !== undefined) out += `"baselineWage":${amount(record.baselineWage)},`;
  out += `"cohort":${text(record.cohort)},`;
  const earnings = recordEarnings(record);
  if (earnings.length > 0) {
    out += `"earnings":[${earnings.map((e) => `{"amount":${amount(e.amount)},"from":"${formatDate(e.from)}","to":"${formatDate(e.to)}"}`).join(',')}],`;
  }
  out += `"enrolledOn":"${formatDate(record.enrolledOn)}","events":[`;
  out += record.events.map((event) => `{"kind":${text(event.kind)},"on":"${formatDate(event.on)}"}`).join(',');
  out += ']';
  if (record.exitedOn !== undefined) out += `,"exitedOn":"${formatDate(record.exitedOn)}"`;
  out += `,"groups":[${record.groups.map(text).join(',')}],"id":${text(record.id)},"spells":[`;
  out += record.spells
    .map((spell) => {
      const parts: string[] = [];
      const sector = spellSector(spell);
      const employer = spellEmployer(spell);
      if (spell.contractType !== undefined) parts.push(`"contractType":${text(spell.contractType)}`);
      if (employer !== undefined) parts.push(`"employer":${text(employer)}`);
      if (spell.end !== undefined) parts.push(`"end":"${formatDate(spell.end)}"`);
      if (spell.hoursPerWeek !== undefined) parts.push(`"hoursPerWeek":${JSON.stringify(spell.hoursPerWeek)}`);
      if (spell.monthlyWage !== undefined) parts.push(`"monthlyWage":${amount(spell.monthlyWage)}`);
      if (sector !== undefined) parts.push(`"sector":${text(sector)}`);
      parts.push(`"start":"${formatDate(spell.start)}"`);
      return `{${parts.join(',')}}`;
    })
    .join(',');
  out += '],"wages":[';
  out += record.wages.map((wage) => `{"monthlyWage":${amount(wage.monthlyWage)},"on":"${formatDate(wage.on)}"}`).join(',');
  return `${out}]}`;
}

/** SHA-256 digests kept one after the other in a growing byte array. */
interface DigestList {
  bytes: Uint8Array;
  count: number;
}

function push(list: DigestList, digest: Uint8Array): void {
  if ((list.count + 1) * DIGEST > list.bytes.length) {
    const grown = new Uint8Array(Math.max(DIGEST * 64, list.bytes.length * 2));
    grown.set(list.bytes.subarray(0, list.count * DIGEST));
    list.bytes = grown;
  }
  list.bytes.set(digest, list.count * DIGEST);
  list.count++;
}

/** The digests' hex lines in byte order (the order of `sort` on the hex text), each ending in a newline. */
function sortedLines(list: DigestList, visit: (lines: string) => void): void {
  const { bytes, count } = list;
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * DIGEST);
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => {
    for (let at = 0; at < DIGEST; at += 4) {
      const x = view.getUint32(a * DIGEST + at);
      const y = view.getUint32(b * DIGEST + at);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  const CHUNK = 1024;
  for (let start = 0; start < count; start += CHUNK) {
    let lines = '';
    for (let k = start; k < Math.min(count, start + CHUNK); k++) {
      const i = order[k] as number;
      lines += `${bytesToHex(bytes.subarray(i * DIGEST, (i + 1) * DIGEST))}\n`;
    }
    visit(lines);
  }
}

/**
 * The evidence fingerprint being built: `addRecord` each settled record and `addIssue` each
 * data-quality issue (in any order; `merge` takes in a shard's), then `hex()`: the SHA-256 of
 * the text `records\n`, the sorted hex SHA-256 of every record's {@link recordEvidenceText}, one
 * per line, `issues\n`, and the sorted hex SHA-256 of every issue's {@link issueIdentity}, one per
 * line (every line ends with `\n`).
 *
 * @example
 * const evidence = createRecordsEvidence();
 * for (const record of records) evidence.addRecord(record);
 * evidence.hex();
 */
export interface RecordsEvidence {
  addRecord(record: OutcomeRecord): void;
  addIssue(issue: Issue): void;
  merge(other: RecordsEvidence): void;
  hex(): string;
  /** The digests so far (for `merge`). */
  readonly lists: { readonly records: DigestList; readonly issues: DigestList };
}

/**
 * An empty {@link RecordsEvidence}.
 *
 * @example
 * const evidence = createRecordsEvidence();
 */
export function createRecordsEvidence(): RecordsEvidence {
  const encoder = new TextEncoder();
  const records: DigestList = { bytes: new Uint8Array(0), count: 0 };
  const issues: DigestList = { bytes: new Uint8Array(0), count: 0 };
  const append = (into: DigestList, from: DigestList): void => {
    for (let i = 0; i < from.count; i++) push(into, from.bytes.subarray(i * DIGEST, (i + 1) * DIGEST));
  };
  return {
    lists: { records, issues },
    addRecord(record) {
      push(records, sha256(encoder.encode(recordEvidenceText(record))));
    },
    addIssue(issue) {
      push(issues, sha256(encoder.encode(issueIdentity(issue))));
    },
    merge(other) {
      append(records, other.lists.records);
      append(issues, other.lists.issues);
    },
    hex() {
      const hash = sha256.create();
      hash.update(encoder.encode('records\n'));
      sortedLines(records, (lines) => hash.update(encoder.encode(lines)));
      hash.update(encoder.encode('issues\n'));
      sortedLines(issues, (lines) => hash.update(encoder.encode(lines)));
      return bytesToHex(hash.digest());
    },
  };
}

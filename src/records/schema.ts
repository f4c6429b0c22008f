/**
 * The outcome record: its wire format (a zod schema, the published source of truth, exported to
 * JSON Schema) and its parsed, readonly form with exact dates and amounts.
 *
 * The schema checks shape and syntax only and holds no transforms, so
 * `z.toJSONSchema(OutcomeRecordSchema, { io: 'input' })` works. Meaning (dates in order, spells
 * that do not overlap, known cohorts) is checked by a separate pass, see `validateRecords`.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { CalendarDate } from '../calendar/index.js';
import type { Amount } from '../money/index.js';
import { AMOUNT_DECIMALS_PATTERN, AMOUNT_MAGNITUDE_PATTERN } from '../money/limits.js';
import { EVENT_KIND_PATTERN, ID_PATTERN, MAX_HOURS_PER_WEEK, WAGE_PATTERN } from './limits.js';

const NonEmpty = z.string().check(z.minLength(1));

/**
 * A calendar date on the wire: `YYYY-MM-DD`, a real day of the proleptic Gregorian calendar,
 * year 0001 to 9999.
 *
 * @example
 * DateSchema.safeParse('2024-02-29').success; // true
 * DateSchema.safeParse('2023-02-29').success; // false
 */
export const DateSchema = z.iso
  .date()
  .check(
    z.regex(/^(?!0000)/), // the calendar starts at year 0001
    z.describe('A calendar date, YYYY-MM-DD (no time, no zone), from 0001-01-01 to 9999-12-31.'),
  );

/**
 * A non-negative monthly wage on the wire: a decimal string (`"1800.50"`, `"0"`), below 10^15 with
 * at most 12 decimal places (the money core's limits). A JSON number is refused, integers too:
 * `JSON.parse` may already have rounded it (`1185.000000000000001` reads as 1185), so its value is
 * not what the source says.
 *
 * @example
 * WageSchema.safeParse('1800.50').success; // true
 * WageSchema.safeParse(1800).success;      // false (AMOUNT_NOT_STRING)
 */
export const WageSchema = z
  .string()
  .check(
    z.regex(WAGE_PATTERN),
    z.regex(AMOUNT_MAGNITUDE_PATTERN),
    z.regex(AMOUNT_DECIMALS_PATTERN),
    z.describe('A monthly gross wage in the contract currency: a decimal string such as "1800.50" (never a JSON number).'),
  );

/**
 * An employment spell on the wire: a job held from `start` to `end` (both inclusive).
 *
 * @example
 * EmploymentSpellSchema.parse({ start: '2023-05-02', hoursPerWeek: 35, monthlyWage: '1800.00' });
 */
export const EmploymentSpellSchema = z
  .strictObject({
    start: DateSchema.check(z.describe('First day of the job, YYYY-MM-DD.')),
    end: z.optional(DateSchema).check(z.describe('Last day of the job (inclusive). Absent: still in the job when the data was exported.')),
    hoursPerWeek: z
      .optional(z.number().check(z.minimum(0), z.maximum(MAX_HOURS_PER_WEEK)))
      .check(z.describe('Contracted hours per week, 0 to 168. Absent: unknown.')),
    contractType: z.optional(NonEmpty).check(z.describe('Contract type as the source system names it, e.g. "permanent", "fixed-term".')),
    monthlyWage: z.optional(WageSchema).check(z.describe('Monthly gross wage in this job. Absent: unknown.')),
    sector: z.optional(NonEmpty).check(z.describe('Sector code of the job. Absent: unknown.')),
    employer: z.optional(NonEmpty).check(z.describe('Employer id. Absent: unknown.')),
  })
  .check(z.describe('A period of employment.'));

/**
 * A wage observation on the wire: the monthly gross wage known on a date.
 *
 * @example
 * WageObservationSchema.parse({ on: '2024-01-31', monthlyWage: '1900.00' });
 */
export const WageObservationSchema = z
  .strictObject({
    on: DateSchema.check(z.describe('Date the wage was observed, YYYY-MM-DD.')),
    monthlyWage: WageSchema,
  })
  .check(z.describe('A wage observed on a date (payslip, wage record).'));

/**
 * An earnings observation on the wire: the gross pay earned in a period, as a payroll or tax system
 * reports it (a month, a quarter, a pay week), `from` and `to` both inclusive, `amount` a
 * non-negative decimal string.
 *
 * @example
 * EarningsObservationSchema.parse({ from: '2024-04-01', to: '2024-04-30', amount: '1450.00' });
 */
export const EarningsObservationSchema = z
  .strictObject({
    from: DateSchema.check(z.describe('First day of the pay period, YYYY-MM-DD.')),
    to: DateSchema.check(z.describe('Last day of the pay period (inclusive), YYYY-MM-DD; the earnings are known on this day.')),
    amount: z
      .string()
      .check(
        z.regex(WAGE_PATTERN),
        z.regex(AMOUNT_MAGNITUDE_PATTERN),
        z.regex(AMOUNT_DECIMALS_PATTERN),
        z.describe('Gross earnings in the period, in the contract currency: a decimal string such as "1450.00".'),
      ),
  })
  .check(z.describe('Earnings in a pay period (payroll or tax records).'));

/**
 * A dated milestone event on the wire, such as `{ kind: 'training-completed', on: '2023-04-28' }`.
 *
 * @example
 * RecordEventSchema.parse({ kind: 'training-completed', on: '2023-04-28' });
 */
export const RecordEventSchema = z
  .strictObject({
    kind: z.string().check(z.regex(EVENT_KIND_PATTERN), z.describe('Event kind, lower-case kebab-case, e.g. "training-completed".')),
    on: DateSchema.check(z.describe('Date of the event, YYYY-MM-DD.')),
  })
  .check(z.describe('A dated milestone.'));

/**
 * One participant's outcome record on the wire, as a provider or payer exports it. Strict: unknown
 * keys are refused. The published JSON Schema is made from this.
 *
 * @example
 * OutcomeRecordSchema.safeParse({ id: 'P001', cohort: '2023-A', enrolledOn: '2023-01-09' }).success; // true
 * z.toJSONSchema(OutcomeRecordSchema, { io: 'input' }); // the JSON Schema
 */
export const OutcomeRecordSchema = z
  .strictObject({
    id: NonEmpty.check(
      z.regex(ID_PATTERN),
      z.describe('Participant id, unique within the input; no control character nor invisible formatting character (bidirectional overrides, zero-width spaces).'),
    ),
    cohort: NonEmpty.check(z.describe('Cohort id, one of the contract cohorts.')),
    groups: z.optional(z.array(NonEmpty)).check(z.describe('Priority groups the participant belongs to. Absent: none.')),
    enrolledOn: DateSchema.check(z.describe('Enrolment date, YYYY-MM-DD.')),
    exitedOn: z.optional(DateSchema).check(z.describe('Programme exit date. Absent: still in the programme.')),
    baselineWage: z.optional(WageSchema).check(z.describe('Monthly gross wage before the programme. Absent: unknown.')),
    spells: z.optional(z.array(EmploymentSpellSchema)).check(z.describe('Employment spells. Absent: none known.')),
    wages: z.optional(z.array(WageObservationSchema)).check(z.describe('Wage observations. Absent: none.')),
    events: z.optional(z.array(RecordEventSchema)).check(z.describe('Milestone events. Absent: none.')),
    earnings: z.optional(z.array(EarningsObservationSchema)).check(z.describe('Earnings by pay period. Absent: none.')),
  })
  .check(z.describe('One participant of an outcome-based contract.'));

/**
 * The wire form of an outcome record (what JSON, NDJSON and CSV inputs hold).
 *
 * @example
 * const raw: RawOutcomeRecord = { id: 'P001', cohort: '2023-A', enrolledOn: '2023-01-09' };
 */
export type RawOutcomeRecord = z.input<typeof OutcomeRecordSchema>;

/**
 * A parsed employment spell. `end` is inclusive; absent means ongoing. The spells the library
 * builds hold every key, `undefined` for an absent field (docs/reliability.md).
 *
 * @example
 * const spell: EmploymentSpell = { start: parseDate('2023-05-02'), hoursPerWeek: 35 };
 */
export interface EmploymentSpell {
  readonly start: CalendarDate;
  readonly end?: CalendarDate | undefined;
  readonly hoursPerWeek?: number | undefined;
  readonly contractType?: string | undefined;
  readonly monthlyWage?: Amount | undefined;
  /**
   * The job's sector code. Only a spell that carries a sector or an employer has these two keys
   * (read them with `spellSector` and `spellEmployer`, own properties only).
   */
  readonly sector?: string | undefined;
  /** The employer's id (see `sector`). */
  readonly employer?: string | undefined;
}

/**
 * A parsed wage observation.
 *
 * @example
 * const wage: WageObservation = { on: parseDate('2024-01-31'), monthlyWage: parseAmount('1900.00') };
 */
export interface WageObservation {
  readonly on: CalendarDate;
  readonly monthlyWage: Amount;
}

/**
 * A parsed earnings observation: `amount` earned from `from` to `to`, both inclusive.
 *
 * @example
 * const e: EarningsObservation = { from: parseDate('2024-04-01'), to: parseDate('2024-04-30'), amount: parseAmount('1450.00') };
 */
export interface EarningsObservation {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly amount: Amount;
}

/**
 * A parsed milestone event.
 *
 * @example
 * const event: RecordEvent = { kind: 'training-completed', on: parseDate('2023-04-28') };
 */
export interface RecordEvent {
  readonly kind: string;
  readonly on: CalendarDate;
}

/**
 * A valid, parsed outcome record. Lists are always present (empty when absent on the wire) and
 * sorted: `spells` by start, `wages` by date, `events` by date then kind; `groups` keep input order;
 * `earnings` is present only when the record has earnings.
 * The records the library builds hold every key, `undefined` for an absent `exitedOn` or
 * `baselineWage` (docs/reliability.md).
 *
 * @example
 * const result = validateRecords([{ id: 'P1', cohort: '2023-A', enrolledOn: '2023-01-09' }], context);
 * if (result.ok) result.value.records[0]?.spells; // []
 */
export interface OutcomeRecord {
  readonly id: string;
  readonly cohort: string;
  readonly groups: readonly string[];
  readonly enrolledOn: CalendarDate;
  readonly exitedOn?: CalendarDate | undefined;
  readonly baselineWage?: Amount | undefined;
  readonly spells: readonly EmploymentSpell[];
  readonly wages: readonly WageObservation[];
  readonly events: readonly RecordEvent[];
  /**
   * Earnings by pay period, sorted by `to` then `from`. Only a record with at least one observation
   * has this key (read it with `recordEarnings`, own property only): records without earnings keep
   * the shape, canonical forms and fingerprints they had.
   */
  readonly earnings?: readonly EarningsObservation[] | undefined;
}

/**
 * What the command line itself writes on stderr for people, in English and French: problems found,
 * warnings of records excluded, the frame of usage errors and of errors from the input. Under
 * `--lang fr` (settle --summary, explain --format text, statements, report) they are in French.
 * A problem's code and path stay as they are (the same in every language, for scripts); its
 * message, written by the engine (a zod issue, an `OutcomePayError`), stays in English after a
 * French sentence naming the code (`Erreur CONTRACT_INVALID à tranches[0] : …`). The JSON on
 * stdout never changes with the language.
 *
 * @module
 */
import type { Lang } from '../format/index.js';

/** What a command did not do because of problems in its input. */
export type Undone = 'settled' | 'simulated' | 'calibrated' | 'forecast' | 'written';

/** The texts of one language. */
export interface StderrMessages {
  /** The last line after the problems: `3 problems found; nothing was settled`. */
  readonly problemsFound: (count: number, undone: Undone) => string;
  /** explain, for an unknown participant id: nothing to explain. */
  readonly nothingToExplain: string;
  /** One problem: its code, path, where in the input (already written) and its message (English). */
  readonly issue: (code: string, path: string, where: readonly string[], message: string) => string;
  /** Where in the input a problem is. */
  readonly record: (index: string) => string;
  readonly participant: (id: string) => string;
  readonly line: (line: string) => string;
  /** The one-line notice of a settlement with records excluded, when the settlement is not a text for people. */
  readonly excludedNotice: (excluded: number, read: number, atRisk: number) => string;
  /** The notice of `explain` (JSON) when the settlement explained excluded records. */
  readonly excludedFromExplained: (excluded: number, read: number) => string;
  /** A usage error's text (the command line's own sentence, in English), framed for the language. */
  readonly usage: (message: string) => string;
  /** Where to find the usage. */
  readonly seeHelp: (command: string) => string;
  /** An error of the input before any problem list (English, from the reader), framed for the language. */
  readonly input: (message: string) => string;
  /** An internal error's frame. */
  readonly internal: (message: string) => string;
  /** A notice from the library (its code and English message), such as a contract upgraded on read. */
  readonly notice: (code: string, message: string) => string;
}

const plural = (count: number, one: string, many: string): string => `${String(count)} ${count === 1 ? one : many}`;

const EN: StderrMessages = {
  problemsFound: (count, undone) => `${plural(count, 'problem', 'problems')} found; nothing was ${undone}`,
  nothingToExplain: 'nothing to explain',
  issue: (code, path, where, message) => `${code} at ${path}${where.length === 0 ? '' : ` (${where.join(', ')})`}: ${message}`,
  record: (index) => `record ${index}`,
  participant: (id) => `participant ${id}`,
  line: (line) => `line ${line}`,
  excludedNotice: (excluded, read, atRisk) =>
    `warning: ${String(excluded)} of ${String(read)} records ${excluded === 1 ? 'was' : 'were'} excluded as invalid (dataQuality.issues); ${
      atRisk === 0 ? `no decision would change with ${excluded === 1 ? 'it' : 'them'} counted` : `${plural(atRisk, 'decision', 'decisions')} would change with ${excluded === 1 ? 'it' : 'them'} counted (dataQuality.decisionsAtRisk)`
    }; exit status 3`,
  excludedFromExplained: (excluded, read) => `warning: ${String(excluded)} of ${String(read)} records ${excluded === 1 ? 'was' : 'were'} excluded as invalid from the settlement explained; exit status 3`,
  usage: (message) => message,
  seeHelp: (command) => `Run '${command} --help' for usage.`,
  input: (message) => message,
  internal: (message) => `internal error: ${message}`,
  notice: (_code, message) => message,
};

/** `1 enregistrement`, `2 enregistrements`: French takes the singular for 0 and 1. */
const pluralFr = (count: number, one: string, many: string): string => `${String(count)} ${count <= 1 ? one : many}`;

const UNDONE_FR: Readonly<Record<Undone, string>> = { settled: 'rien n’a été réglé', simulated: 'rien n’a été simulé', calibrated: 'rien n’a été calibré', forecast: 'rien n’a été prévu', written: 'rien n’a été écrit' };

const FR: StderrMessages = {
  problemsFound: (count, undone) => `${pluralFr(count, 'problème trouvé', 'problèmes trouvés')} ; ${UNDONE_FR[undone]}`,
  nothingToExplain: 'rien à expliquer',
  issue: (code, path, where, message) => `Erreur ${code} à ${path}${where.length === 0 ? '' : ` (${where.join(', ')})`} : ${message}`,
  record: (index) => `enregistrement ${index}`,
  participant: (id) => `participant ${id}`,
  line: (line) => `ligne ${line}`,
  excludedNotice: (excluded, read, atRisk) =>
    `attention : ${pluralFr(excluded, 'enregistrement', 'enregistrements')} sur ${String(read)} ${excluded <= 1 ? 'a été exclu car invalide' : 'ont été exclus car invalides'} (dataQuality.issues) ; ${
      atRisk === 0 ? `aucune décision ne changerait ${excluded <= 1 ? 's’il était compté' : 's’ils étaient comptés'}` : `${pluralFr(atRisk, 'décision changerait', 'décisions changeraient')} ${excluded <= 1 ? 's’il était compté' : 's’ils étaient comptés'} (dataQuality.decisionsAtRisk)`
    } ; code de sortie 3`,
  excludedFromExplained: (excluded, read) =>
    `attention : ${pluralFr(excluded, 'enregistrement', 'enregistrements')} sur ${String(read)} ${excluded <= 1 ? 'a été exclu car invalide' : 'ont été exclus car invalides'} du règlement expliqué ; code de sortie 3`,
  usage: (message) => `erreur d’utilisation (message en anglais) : ${message}`,
  seeHelp: (command) => `Voir « ${command} --help » pour l’usage (en anglais).`,
  input: (message) => `erreur dans les données (message en anglais) : ${message}`,
  internal: (message) => `erreur interne (message en anglais) : ${message}`,
  notice: (code, message) => `avis ${code} (message en anglais) : ${message}`,
};

/**
 * The stderr texts of each language.
 *
 * @example
 * STDERR_MESSAGES.fr.problemsFound(1, 'settled'); // '1 problème trouvé ; rien n’a été réglé'
 */
export const STDERR_MESSAGES: Readonly<Record<Lang, StderrMessages>> = { en: EN, fr: FR };

/**
 * The language of the messages on stderr: French when the arguments ask for `--lang fr` (or
 * `--lang=fr`), English otherwise, read from the arguments themselves so that an error found
 * while they are parsed is in the language asked for too.
 *
 * @example
 * stderrLang(['report', '--lang', 'fr', '--out', 'r.html']); // 'fr'
 * stderrLang(['settle', '--summary']); // 'en'
 */
export function stderrLang(argv: readonly string[]): Lang {
  let lang: Lang = 'en';
  argv.forEach((arg, index) => {
    const value = arg === '--lang' ? argv[index + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) lang = value === 'fr' ? 'fr' : 'en';
  });
  return lang;
}

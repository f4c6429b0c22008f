/**
 * The reason codes of an outcome's resolution in French: what `explain --lang fr` writes after an
 * outcome's status. The English sentences are the outcomes module's `REASON_TEXT`.
 *
 * @module
 */
import type { ReasonCode } from '../outcomes/index.js';

/**
 * A French sentence for each reason code (the compiler refuses a table that misses one).
 *
 * @example
 * REASON_TEXT_FR.WINDOW_OPEN; // 'la fenêtre est encore ouverte'
 */
export const REASON_TEXT_FR: Readonly<Record<ReasonCode, string>> = {
  SPELL_IN_WINDOW: 'une période d’emploi qualifiante a commencé dans la fenêtre',
  WINDOW_CLOSED: 'la fenêtre s’est close sans période d’emploi ni événement qualifiant',
  SPELL_TOO_SHORT: 'des périodes d’emploi ont commencé dans la fenêtre, mais chacune a pris fin avant la durée minimale',
  WINDOW_OPEN: 'la fenêtre est encore ouverte',
  SPELL_RUNNING: 'une période d’emploi commencée dans la fenêtre est en cours et peut encore atteindre la durée minimale',
  AWAITING_EXIT: 'la fenêtre court à partir de la sortie du programme, qui n’est pas encore enregistrée',
  AWAITING_PLACEMENT: 'le placement dont ce résultat dépend est encore en attente',
  PLACEMENT_FAILED: 'le placement dont ce résultat dépend n’a pas été atteint',
  CONTINUOUSLY_EMPLOYED: 'en emploi sur toute la période, chaque interruption dans la limite admise',
  GAP_TOO_LONG: 'une interruption d’emploi a dépassé la limite admise',
  ENOUGH_DAYS_EMPLOYED: 'en emploi au moins le nombre de jours requis sur la période',
  TOO_FEW_DAYS_EMPLOYED: 'trop de jours sans emploi pour atteindre le nombre de jours requis',
  EMPLOYED_ON_END_DATE: 'en emploi le dernier jour de la période',
  NOT_EMPLOYED_ON_END_DATE: 'sans emploi le dernier jour de la période',
  PERIOD_RUNNING: 'la période de maintien dans l’emploi n’est pas encore terminée',
  WAGE_ROSE: 'le salaire a progressé d’au moins le seuil par rapport à la référence',
  WAGE_BELOW_THRESHOLD: 'le salaire a progressé de moins que le seuil par rapport à la référence',
  NO_WAGE_DATA: 'aucun salaire connu à la date de mesure',
  NO_BASELINE: 'aucun salaire de référence',
  AWAITING_MEASURE_DATE: 'la date de mesure du salaire n’est pas encore venue',
  AWAITING_BASELINE: 'le salaire à l’embauche peut encore être observé',
  EVENT_RECORDED: 'l’événement a été enregistré',
  AWAITING_EVENT: 'l’événement n’est pas encore enregistré (sans fenêtre, il n’échoue jamais)',
  EARNINGS_REACHED: 'les revenus comptés dans la fenêtre ont atteint le seuil',
  EARNINGS_BELOW_THRESHOLD: 'la fenêtre s’est close avec des revenus comptés inférieurs au seuil',
  NO_RATE_IN_FORCE: 'aucun taux du barème du salaire minimum n’est en vigueur à la date qui fixe le seuil',
  EMPLOYED_IN_QUARTER: 'des revenus (au moins le minimum) sont enregistrés dans le trimestre après la sortie, tels que connus à l’échéance de ses données',
  NOT_EMPLOYED_IN_QUARTER: 'aucun revenu (ou moins que le minimum) n’est enregistré dans le trimestre après la sortie à l’échéance de ses données',
  AWAITING_QUARTER_DATA: 'les données de salaire du trimestre ne sont pas encore dues',
  COHORT_LEVEL: 'un indicateur de cohorte est fourni pour la cohorte, non par participant',
  NOT_IN_GROUPS: 'le participant n’appartient à aucun des publics visés par ce résultat',
};

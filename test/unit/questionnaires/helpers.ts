import { DONT_KNOW, GROUP_IDS, currentQuestionnaire, type GroupId } from '../../../shared/questionnaires/definition.ts';
import { type Answers } from '../../../shared/questionnaires/flow.ts';
import { NO_TAILORING, itemsOf, tailor, type RoundQuestionnaire } from '../../../shared/questionnaires/tailoring.ts';

export const roundOf = (group: GroupId): RoundQuestionnaire => tailor(currentQuestionnaire(group), NO_TAILORING);
export const allRounds = (): RoundQuestionnaire[] => GROUP_IDS.map(roundOf);

/** A complete set of answers: every item and the grade answered, optional fields left empty. */
export function completeAnswers(rq: RoundQuestionnaire): Answers {
  const answers: Answers = {};
  itemsOf(rq).forEach((item, i) => (answers[item.id] = i % 6 === 5 ? DONT_KNOW.value : String((i % 5) + 1)));
  answers[rq.grade.id] = '7';
  return answers;
}

/** The visible text of a document: tags, scripts and entities removed. */
export function textOf(document: string): string {
  return document
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

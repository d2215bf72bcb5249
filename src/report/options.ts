/** A question's options as shown to a reader: its own, or the implied yes / no (/ not sure) with their labels. */
import type { LocalText, OptionDef, Question } from '../engine';

export const YES_NO_LABELS = {
  yes: { en: 'Yes', 'zh-CN': '是' },
  no: { en: 'No', 'zh-CN': '否' },
  not_sure: { en: 'Not sure', 'zh-CN': '不确定' },
} as const satisfies Record<string, LocalText>;

/** All options of a question (single/multi), or the implied yes/no(/not sure). */
export function optionsOf(q: Question): OptionDef[] {
  if (q.options) return q.options;
  return [...q.allowed].map((id) => ({ id, label: YES_NO_LABELS[id as keyof typeof YES_NO_LABELS] }));
}

/**
 * The PDF checklist's content (product.md §5): a cover with who, what, when and under which rule set;
 * the tiers with their reasons; the duties as a checklist grouped by regime, each with its article,
 * status box, note and date; every answer; the text of every article cited (Chinese statutes always in
 * Chinese, with the translation); the disclaimer. In the language of the `report` (from `present`).
 * Pure data out (blocks.ts): the browser and the command line render the same document.
 */
import { formatDate } from '../lib/dates';
import { askedQuestions, DUTY_REGIMES, REGIMES } from '../engine';
import type { TFunction } from '../i18n/i18n';
import type { PresentedDuty, PresentedReason, Report } from '../report/present';
import { valueText } from '../report/answer-text';
import { dutyDateText, gpaiSentence, joinList, openRangeSentence, overallHeading, overallSentence, subjectLine } from '../report/present';
import { DUTY_STATUSES } from '../assessment/record';
import { fileStem } from '../file-format/assessment-file';
import type { DocumentInput } from '../report/pipeline';
import type { Block, DocumentIdentity, PrintedDocument, Tone } from './blocks';
import { documentId } from './identity';

/** A document's input (src/report/pipeline.ts `documentInput`) and who made the file. */
export interface ChecklistInput extends DocumentInput {
  /** Name and version of the program, for the cover and the PDF's Creator. */
  generator: string;
  /** The document issued before for the same assessment, when this one replaces it. */
  replaces?: { documentId: string; date: string };
}

const TONE: Record<string, Tone> = {
  prohibited: 'prohibited',
  unacceptable: 'prohibited',
  high: 'high',
  medium_low: 'limited',
  limited: 'limited',
  minimal: 'minimal',
  out_of_scope: 'neutral',
  needs_review: 'review',
};

export function checklistDocument(input: ChecklistInput): PrintedDocument {
  const { rs, report: r, answers, duties, t } = input;
  const lang = r.language;
  const blocks: Block[] = [];
  const text = (s: string, style: Extract<Block, { type: 'text' }>['style'], extra: Partial<Extract<Block, { type: 'text' }>> = {}): Block => ({
    type: 'text',
    text: s,
    style,
    ...extra,
  });
  const heading1 = (s: string, newPage = true) => blocks.push(text(s, 'h1', { keepWithNext: true, outline: 1, pageBreakBefore: newPage }));
  const tier = (name: string) => t(`result:tier.${name}`);
  const articleLabel = (id: string) => {
    const a = rs.articles.get(id);
    return a ? `${id} ${a.heading[lang]}` : id;
  };
  const subject = subjectLine(r);
  const identity: DocumentIdentity = {
    documentId: documentId({ rules: rs.digest || r.ruleSet.version, answers, duties, date: r.assessedOn, lang, cohort: r.subject.cohort ?? null }),
    ruleSetVersion: r.ruleSet.version,
    ruleSetDigest: rs.digest,
    ...(input.replaces ? { replaces: input.replaces } : {}),
  };

  // ---- Cover ---------------------------------------------------------------------------------
  blocks.push(text(t('pdf:title'), 'title'), text(t('pdf:subtitle'), 'subtitle'));
  const field = (label: string, value: string | undefined): Block => ({ type: 'field', label, value: value || t('pdf:unnamed') });
  blocks.push(
    field(t('pdf:field.company'), r.subject.company),
    field(t('pdf:field.product'), r.subject.product),
    field(t('pdf:field.assessor'), input.assessor),
    ...(r.subject.cohort ? [field(t('pdf:field.cohort'), t('pdf:field.cohortValue', { label: r.subject.cohort.label, incubator: r.subject.cohort.incubator }))] : []),
    field(t('pdf:field.date'), formatDate(r.assessedOn, lang)),
    field(t('pdf:field.ruleSet'), t('pdf:field.ruleSetValue', { version: r.ruleSet.version, date: formatDate(r.ruleSet.date, lang) })),
    field(t('pdf:field.generatedBy'), `${input.generator} — ${t('pdf:generator')}`),
    { type: 'space', size: 14 },
    { type: 'badge', label: overallHeading(r, t), text: r.overallLabel, tone: TONE[r.overall] ?? 'neutral' },
    text(overallSentence(r, t), 'body'),
    { type: 'space', size: 6 },
    text(t('pdf:summary.heading'), 'h2', { keepWithNext: true }),
  );
  for (const g of REGIMES) {
    const reg = r.regimes[g];
    const worst = reg.tier === 'needs_review' && reg.worstCase ? ` — ${t('result:page.worstCase', { tier: tier(reg.worstCase) })}` : '';
    blocks.push(field(t(`result:regime.${g}`), `${reg.tierLabel}${worst}`));
  }
  blocks.push(text(gpaiSentence(r, t), 'body'));
  // Anticipated items are counted and printed apart: expected once the cities issue their measures.
  const operative = r.duties.filter((d) => d.kind !== 'anticipated');
  const anticipated = r.duties.filter((d) => d.kind === 'anticipated');
  const count = (s: string) => operative.filter((d) => (duties[d.id]?.status ?? 'todo') === s).length;
  if (r.conflicts.length) {
    blocks.push(text(t('result:page.conflicts', { count: r.conflicts.length }), 'h2', { keepWithNext: true }), text(t('result:page.conflictsHint'), 'body'));
    for (const c of r.conflicts) blocks.push(bullet(`${c.message} ${t('result:page.conflictQuestions')} ${joinList(lang, c.questions.map((q) => q.text))}`));
  }
  if (r.unanswered.length) {
    blocks.push(text(t('result:page.unanswered', { count: r.unanswered.length }), 'h2', { keepWithNext: true }), text(t('result:page.unansweredHint'), 'body'));
    for (const u of r.unanswered) blocks.push(bullet(u.text));
  }
  blocks.push(
    text(
      operative.length
        ? t('pdf:summary.dutyCounts', {
            total: operative.length,
            mandatory: operative.filter((d) => d.mandatory).length,
            encouraged: operative.filter((d) => !d.mandatory).length,
            done: count('done'),
            inProgress: count('in_progress'),
            notApplicable: count('not_applicable'),
            todo: count('todo'),
          })
        : t('pdf:summary.noDuties'),
      'body',
    ),
    ...(anticipated.length ? [text(t('pdf:summary.anticipatedCount', { count: anticipated.length }), 'body')] : []),
    { type: 'space', size: 8 },
    { type: 'rule' },
    text(t('result:page.indicative'), 'muted'),
    text(r.disclaimer, 'muted'),
  );

  // ---- Tiers and reasons ------------------------------------------------------------------------
  heading1(t('pdf:tiers.heading'));
  for (const g of REGIMES) {
    const reg = r.regimes[g];
    blocks.push(text(reg.name, 'h2', { keepWithNext: true, outline: 2 }), { type: 'badge', text: reg.tierLabel, tone: TONE[reg.tier] ?? 'neutral' });
    if (reg.tier === 'needs_review') blocks.push(text(openRangeSentence(reg, lang, t), 'body'));
    for (const u of reg.upcoming ?? []) blocks.push(text(u.text, 'strong'));
    if (reg.openQuestions?.length) {
      blocks.push(text(t('result:page.settle'), 'strong', { keepWithNext: true }));
      for (const o of reg.openQuestions) blocks.push(bullet(`${o.text} (${t(`result:factState.${o.state}`)})`));
    }
    blocks.push(text(t('result:page.why'), 'h3', { keepWithNext: true }));
    if (!reg.reasons.length) blocks.push(text(t('pdf:tiers.noReasons'), 'body'));
    for (const reason of reg.reasons) blocks.push(reasonItem(reason));
    if (reg.ruledOut.length) {
      blocks.push(text(t('result:page.ruledOut', { count: reg.ruledOut.length }), 'h3', { keepWithNext: true }));
      for (const reason of reg.ruledOut) blocks.push(reasonItem(reason));
    }
    for (const c of reg.caveats) blocks.push(text(c, 'muted'));
  }
  blocks.push(text(t('result:regime.GPAI'), 'h2', { keepWithNext: true, outline: 2 }), text(gpaiSentence(r, t), 'body'));
  if (r.gpai.openQuestions?.length) {
    blocks.push(text(t('result:page.settle'), 'strong', { keepWithNext: true }));
    for (const o of r.gpai.openQuestions) blocks.push(bullet(`${o.text} (${t(`result:factState.${o.state}`)})`));
  }

  function reasonItem(reason: PresentedReason): Block {
    const inner: Block[] = [text(reason.text, 'body'), text(t('pdf:tiers.reasonArticles', { articles: joinList(lang, reason.articles) }), 'muted')];
    for (const n of reason.notes ?? []) inner.push(text(n, 'body'));
    if (reason.context?.length) inner.push(text(`${t('result:page.context')} ${joinList(lang, reason.context)}`, 'muted'));
    if (reason.tentative) inner.push(text(t('result:page.tentative'), 'muted'));
    for (const f of reason.answers) inner.push(text(`${f.questionText} — ${f.valueText}`, 'muted', { indent: 8 }));
    return { type: 'item', mark: { kind: 'bullet' }, blocks: inner };
  }

  // ---- Duty checklist ---------------------------------------------------------------------------
  heading1(t('pdf:checklist.heading'));
  blocks.push(text(t('pdf:checklist.intro'), 'body'));
  if (!operative.length) blocks.push(text(t('result:page.noDuties'), 'body'));
  else {
    blocks.push(text(t('pdf:checklist.legend'), 'label', { keepWithNext: true }));
    for (const s of DUTY_STATUSES) blocks.push({ type: 'item', mark: { kind: 'box', status: s }, blocks: [text(t(`result:status.${s}`), 'small')] });
  }
  for (const g of DUTY_REGIMES) {
    const items = operative.filter((d) => d.regime === g);
    if (!items.length) continue;
    blocks.push(text(t('pdf:checklist.group', { regime: t(`result:regime.${g}`), count: items.length }), 'h2', { keepWithNext: true, outline: 2 }));
    for (const d of items) blocks.push(dutyItem(d, true));
  }
  if (anticipated.length) {
    blocks.push(text(t('result:page.anticipated', { count: anticipated.length }), 'h2', { keepWithNext: true, outline: 2 }), text(t('result:page.anticipatedHint'), 'body'));
    for (const d of anticipated) blocks.push(dutyItem(d, true));
  }
  if (r.notices.length) {
    blocks.push(text(t('result:page.notices', { count: r.notices.length }), 'h2', { keepWithNext: true, outline: 2 }));
    for (const d of r.notices) blocks.push(dutyItem(d, false));
  }

  function dutyItem(d: PresentedDuty, withStatus: boolean): Block {
    const status = duties[d.id];
    const current = status?.status ?? 'todo';
    const inner: Block[] = [
      text(d.title, 'strong'),
      text([t(`result:kind.${d.kind}`), articleLabel(d.article), dutyDateText(d, t, lang)].join(' · '), 'muted'),
    ];
    const others = d.articles.filter((a) => a !== d.article);
    if (others.length) inner.push(text(t('pdf:checklist.articles', { articles: joinList(lang, others) }), 'muted'));
    if (d.addressee) inner.push(text(t('result:duty.addressee', { who: d.addressee }), 'small'));
    inner.push(text(d.do, 'body'));
    if (d.evidence.length) {
      inner.push(text(t('result:duty.evidence'), 'label', { keepWithNext: true }));
      for (const e of d.evidence) inner.push(bullet(e, 'small'));
    }
    if (d.decidedBy?.length) inner.push(text(`${t('result:duty.decidedBy')} ${joinList(lang, d.decidedBy.map((f) => `${f.questionText} — ${f.valueText}`))}`, 'small'));
    if (!d.certain && d.dependsOn?.length) {
      const qs = d.dependsOn.map((q) => rs.questionById.get(q)?.text[lang] ?? q);
      inner.push(text(`${t('result:duty.dependsOn')} ${joinList(lang, qs)}`, 'small'));
    }
    if (d.heuristic) inner.push(text(t('result:duty.heuristic', { text: d.heuristic }), 'muted'));
    if (d.unverified) inner.push(text(t('result:duty.unverified', { text: d.unverified }), 'muted'));
    if (withStatus) {
      inner.push(text(t('pdf:checklist.status', { status: t(`result:status.${current}`) }), 'label'));
      inner.push(status?.note ? text(t('pdf:checklist.note', { note: status.note }), 'small') : text(t('pdf:checklist.noNote'), 'small'));
      if (!status?.note) inner.push({ type: 'rule' });
    }
    return { type: 'item', mark: withStatus ? { kind: 'box', status: current } : { kind: 'bullet' }, blocks: inner };
  }

  // ---- Appendix A: answers ----------------------------------------------------------------------
  heading1(t('pdf:answers.heading'));
  blocks.push(text(t('pdf:answers.intro'), 'muted'));
  const asked = askedQuestions(rs, answers);
  for (const section of rs.sections) {
    const qs = section.questions.filter((q) => asked.get(q.id) !== 'hidden');
    if (!qs.length) continue;
    blocks.push(text(section.title[lang], 'h2', { keepWithNext: true, outline: 2 }));
    for (const q of qs) {
      const v = answers[q.id];
      blocks.push({
        type: 'item',
        mark: { kind: 'bullet' },
        blocks: [
          text(q.text[lang], 'strong'),
          text(valueText(rs, q.id, v, lang, t), 'body'),
          text(t('pdf:answers.questionId', { id: q.id }), 'muted'),
        ],
      });
    }
  }

  // ---- Appendix B: sources ----------------------------------------------------------------------
  heading1(t('pdf:sources.heading'));
  blocks.push(text(t('pdf:sources.intro'), 'muted'));
  const cited = new Set<string>();
  for (const g of REGIMES) for (const reason of [...r.regimes[g].reasons, ...r.regimes[g].ruledOut]) [...reason.articles, ...(reason.context ?? [])].forEach((a) => cited.add(a));
  for (const c of r.conflicts) c.articles.forEach((a) => cited.add(a));
  for (const d of [...r.duties, ...r.notices]) d.articles.forEach((a) => cited.add(a));
  let currentDocument = '';
  for (const [id, a] of rs.articles) {
    if (!cited.has(id)) continue;
    if (a.document !== currentDocument) {
      currentDocument = a.document;
      blocks.push(text(a.documentTitle[lang], 'h2', { keepWithNext: true, outline: 2 }));
    }
    blocks.push(
      text(`${id} · ${a.heading[lang]}`, 'h3', { keepWithNext: true }),
      text(t(`catalogue:verification.${a.verification}`), 'muted', { keepWithNext: true }),
      text(a.original, 'original', { quote: true }),
    );
    if (a.translation) blocks.push(text(t('pdf:sources.translation'), 'label', { keepWithNext: true }), text(a.translation, 'translation', { quote: true }));
    if (a.note) blocks.push(text(t('pdf:sources.note', { note: a.note }), 'muted'));
  }

  // ---- Disclaimer --------------------------------------------------------------------------------
  heading1(t('pdf:disclaimer.heading'), false);
  blocks.push(text(r.disclaimer, 'body'), text(t('result:page.indicative'), 'body'));
  for (const a of Object.values(rs.manifest.asOf)) blocks.push(text(t('pdf:disclaimer.asOf', { date: formatDate(a.date, lang), note: a.note[lang] }), 'muted'));

  return {
    lang,
    identity,
    meta: {
      title: `${t('pdf:title')}${subject ? ` — ${subject}` : ''}`,
      ...(input.assessor ? { author: input.assessor } : {}),
      subject: t('pdf:metaSubject'),
      keywords: [r.overallLabel, ...REGIMES.map((g) => `${g}: ${r.regimes[g].tierLabel}`), `rule set ${r.ruleSet.version}`],
      creator: input.generator,
      date: r.assessedOn,
    },
    header: t('pdf:header', { subject: subject || t('result:page.unnamed'), date: formatDate(r.assessedOn, lang) }),
    footer: t('pdf:footer', { version: r.ruleSet.version }),
    pageLabel: (page, pages) => t('pdf:page', { page, pages }),
    fallbackNote: t('pdf:fallback', { char: '□' }),
    blocks,
  };

  function bullet(s: string, style: 'body' | 'small' = 'body'): Block {
    return { type: 'item', mark: { kind: 'bullet' }, blocks: [text(s, style)] };
  }
}

/** The PDF's file name: "ai-risk-checklist-<company>-<product>-<date>.pdf", safe on every system. */
export function checklistFileName(r: Report, t: TFunction): string {
  const stem = fileStem(subjectLine(r));
  return `${t('pdf:fileName')}${stem ? `-${stem}` : ''}-${r.assessedOn}.pdf`;
}

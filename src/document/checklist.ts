/**
 * The checklist document (product.md §5), in the order a signer reads it: a cover with who, what, when,
 * the document's id and the rules that produced it, and the summary; the action plan (stop / now / by
 * date / anticipated / encouraged, with owner, due date and status); the tiers with their reasons; the
 * duties as a checklist grouped by regime (plain words, the law's wording, evidence, status, note or
 * room to write one); a sign-off page; then the answers (question texts) and the text of the articles
 * behind the tiers and duties that apply (Chinese statutes in Chinese with the translation, EU articles
 * in English with an unofficial Chinese summary for Chinese readers). The full edition adds screened-out
 * rules and their articles. Nothing for maintainers (verification marks, notes, file paths) is printed.
 * In the language of the `report` (from `present`).
 * Pure data out (blocks.ts): the browser and the command line render the same document.
 */
import { formatDate } from '../lib/dates';
import { askedQuestions, DUTY_REGIMES, REGIMES } from '../engine';
import type { TFunction } from '../i18n/i18n';
import type { PresentedDuty, PresentedReason, Report } from '../report/present';
import { valueText } from '../report/answer-text';
import { dutyDateText, gpaiSentence, joinList, openRangeSentence, overallHeading, overallSentence, subjectLine } from '../report/present';
import { dueDate, DUTY_STATUSES } from '../assessment/record';
import { actionPlan, triggerLines } from '../report/plan';
import { fileStem } from '../file-format/assessment-file';
import type { DocumentInput } from '../report/pipeline';
import type { Block, DocumentIdentity, PrintedDocument, Tone } from './blocks';
import { documentIdOf, issue } from './identity';
import { exportLabels, revisionText } from './labels';

/** Which edition of the checklist: by default only what applies; `full` adds the rules screened out and their articles. */
export interface DocumentEdition {
  full?: boolean;
}

/** A document's input (src/report/pipeline.ts `documentInput`), its edition and who made the file. */
export interface ChecklistInput extends DocumentInput, DocumentEdition {
  /** Name and version of the program, for the cover and the PDF's Creator. */
  generator: string;
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
  const heading2 = (s: string) => blocks.push(text(s, 'h2', { keepWithNext: true, outline: 2 }));
  const tier = (name: string) => t(`result:tier.${name}`);
  const date = (iso: string) => formatDate(iso, lang);
  const subject = subjectLine(r);
  const id = documentIdOf(input);
  // A document with other content than the one issued last replaces it; a reprint names what that one replaced.
  const { replaces } = issue(input.issued, id, r.assessedOn);
  const identity: DocumentIdentity = { documentId: id, ruleSetVersion: r.ruleSet.version, ruleSetDigest: rs.digest, ...(replaces ? { replaces } : {}) };
  const field = (label: string, value: string | undefined): Block => ({ type: 'field', label, value: value || t('pdf:unnamed') });
  const labels = exportLabels(t, lang);
  const identityFields = (): Block[] => [
    field(labels.documentId, identity.documentId),
    field(labels.ruleSetVersion, t('pdf:field.ruleSetValue', { version: r.ruleSet.version, date: date(r.ruleSet.date) })),
    ...(identity.ruleSetDigest ? [field(labels.ruleSetDigest, identity.ruleSetDigest)] : []),
    field(labels.revision, revisionText(identity, labels)),
  ];
  // Anticipated items are counted and printed apart: expected once the cities issue their measures.
  const operative = r.duties.filter((d) => d.kind !== 'anticipated');
  const anticipated = r.duties.filter((d) => d.kind === 'anticipated');
  const statusOf = (id: string) => duties[id]?.status ?? 'todo';
  /** "Status: Done": the status line and the status box's alternative text. */
  const statusText = (st: string) => t('pdf:checklist.status', { status: t(`result:status.${st}`) });

  // ---- Cover and summary -------------------------------------------------------------------------
  blocks.push(text(t('pdf:title'), 'title'), text(t('pdf:subtitle'), 'subtitle'));
  blocks.push(
    field(t('pdf:field.company'), r.subject.company),
    field(t('pdf:field.product'), r.subject.product),
    field(t('pdf:field.assessor'), input.assessor),
    ...(r.subject.cohort ? [field(t('pdf:field.cohort'), t('pdf:field.cohortValue', { label: r.subject.cohort.label, incubator: r.subject.cohort.incubator }))] : []),
    field(t('pdf:field.date'), date(r.assessedOn)),
    ...identityFields(),
    field(t('pdf:field.generatedBy'), `${input.generator} — ${t('pdf:generator')}`),
    { type: 'space', size: 12 },
    { type: 'badge', label: overallHeading(r, t), text: r.overallLabel, tone: TONE[r.overall] ?? 'neutral' },
    text(overallSentence(r, t), 'body'),
    { type: 'space', size: 4 },
    text(t('pdf:summary.heading'), 'h2', { keepWithNext: true, outline: 1 }),
  );
  for (const g of REGIMES) {
    const reg = r.regimes[g];
    const worst = reg.tier === 'needs_review' && reg.worstCase ? ` — ${t('result:page.worstCase', { tier: tier(reg.worstCase) })}` : '';
    blocks.push(field(t(`result:regime.${g}`), `${reg.tierLabel}${worst}`));
  }
  blocks.push(text(gpaiSentence(r, t), 'body'));
  if (r.conflicts.length) {
    blocks.push(text(t('result:page.conflicts', { count: r.conflicts.length }), 'h3', { keepWithNext: true }), text(t('result:page.conflictsHint'), 'body'));
    for (const c of r.conflicts) blocks.push(bullet(`${c.message} ${t('result:page.conflictQuestions')} ${joinList(lang, c.questions.map((q) => q.text))}`));
  }
  if (r.unanswered.length) {
    blocks.push(text(t('result:page.unanswered', { count: r.unanswered.length }), 'h3', { keepWithNext: true }), text(t('result:page.unansweredHint'), 'body'));
    for (const u of r.unanswered) blocks.push(bullet(u.text));
  }
  const count = (s: string) => operative.filter((d) => statusOf(d.id) === s).length;
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
    { type: 'space', size: 6 },
    { type: 'rule' },
    text(t('pdf:disclaimer.heading'), 'label', { keepWithNext: true }),
    text(t('result:page.indicative'), 'muted'),
    text(r.disclaimer, 'muted'),
    ...Object.values(rs.manifest.asOf).map((a) => text(t('pdf:disclaimer.asOf', { date: date(a.date), note: a.note[lang] }), 'muted')),
  );

  // ---- 1. The action plan: what to do first, and by when ---------------------------------------------
  heading1(t('pdf:plan.heading'));
  blocks.push(text(t('pdf:plan.intro'), 'body'));
  const plan = actionPlan(r);
  if (!plan.length) blocks.push(text(t('result:plan.empty'), 'body'));
  for (const step of plan) {
    const n = step.items.length;
    heading2(step.kind === 'from' ? t('result:plan.step.from', { date: date(step.date), count: n }) : t(`result:plan.step.${step.kind}`, { count: n }));
    blocks.push({
      type: 'table',
      head: [t('pdf:plan.col.item'), t('pdf:plan.col.article'), t('pdf:plan.col.owner'), t('pdf:plan.col.due'), t('pdf:plan.col.status')],
      widths: [4.4, 1.6, 2, 2.5, 1.7],
      rows: step.items.map((d) => {
        const st = duties[d.id];
        const due = d.kind === 'duty' || d.stop ? date(dueDate(st, d.from)) : '';
        return [d.title, d.article, st?.owner ?? '', due, t(`result:status.${statusOf(d.id)}`)];
      }),
    });
  }
  const triggers = triggerLines(rs, input.triggers ?? [], lang, t);
  if (triggers.length) {
    heading2(t('result:plan.triggers', { count: triggers.length }));
    blocks.push(text(t('result:plan.triggersHint'), 'small'));
    for (const x of triggers) blocks.push(bullet(x.text, 'small'));
  }

  // ---- 2. Tiers and reasons ---------------------------------------------------------------------------
  heading1(t('pdf:tiers.heading'), false);
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
    // Screened-out rules: counted; listed in the full edition only.
    if (reg.ruledOut.length) {
      if (input.full) {
        blocks.push(text(t('result:page.ruledOut', { count: reg.ruledOut.length }), 'h3', { keepWithNext: true }));
        for (const reason of reg.ruledOut) blocks.push(reasonItem(reason));
      } else blocks.push(text(t('pdf:tiers.ruledOutCount', { count: reg.ruledOut.length }), 'muted'));
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

  // ---- 3. Duty checklist --------------------------------------------------------------------------------
  heading1(t('pdf:checklist.heading'), false);
  blocks.push(text(t('pdf:checklist.intro'), 'body'));
  if (!operative.length) blocks.push(text(t('result:page.noDuties'), 'body'));
  else {
    blocks.push(text(t('pdf:checklist.legend'), 'label', { keepWithNext: true }));
    for (const st of DUTY_STATUSES) blocks.push({ type: 'item', mark: { kind: 'box', status: st, alt: statusText(st) }, blocks: [text(t(`result:status.${st}`), 'small')] });
  }
  for (const g of DUTY_REGIMES) {
    const items = operative.filter((d) => d.regime === g);
    if (!items.length) continue;
    heading2(t('pdf:checklist.group', { regime: t(`result:regime.${g}`), count: items.length }));
    for (const d of items) blocks.push(...dutyItem(d, true));
  }
  if (anticipated.length) {
    heading2(t('result:page.anticipated', { count: anticipated.length }));
    blocks.push(text(t('result:page.anticipatedHint'), 'body'));
    for (const d of anticipated) blocks.push(...dutyItem(d, true));
  }
  if (r.notices.length) {
    heading2(t('result:page.notices', { count: r.notices.length }));
    for (const d of r.notices) blocks.push(...dutyItem(d, false));
  }

  function dutyItem(d: PresentedDuty, withStatus: boolean): Block[] {
    const status = duties[d.id];
    const current = status?.status ?? 'todo';
    const inner: Block[] = [
      text(d.title, 'strong'),
      text([t(`result:kind.${d.kind}`), `${d.article} ${rs.articles.get(d.article)?.heading[lang] ?? ''}`.trim(), dutyDateText(d, t, lang)].join(' · '), 'muted'),
    ];
    const others = d.articles.filter((a) => a !== d.article);
    if (others.length) inner.push(text(t('pdf:checklist.articles', { articles: joinList(lang, others) }), 'muted'));
    if (d.addressee) inner.push(text(t('result:duty.addressee', { who: d.addressee }), 'small'));
    inner.push(text(d.plain, 'body'), text(`${t('pdf:checklist.law')} ${d.do}`, 'small'));
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
    const out: Block[] = [];
    if (withStatus) {
      const facts = [
        statusText(current),
        ...(status?.owner ? [t('pdf:checklist.owner', { owner: status.owner })] : []),
        ...(d.kind === 'duty' ? [t('pdf:checklist.due', { date: date(dueDate(status, d.from)) })] : []),
      ];
      inner.push(text(facts.join(' · '), 'label'));
      if (status?.evidence?.length) inner.push(text(t('pdf:checklist.evidenceKept', { items: joinList(lang, status.evidence) }), 'small'));
      if (status?.note) inner.push(text(t('pdf:checklist.note', { note: status.note }), 'small'));
    }
    out.push({ type: 'item', mark: withStatus ? { kind: 'box', status: current, alt: statusText(current) } : { kind: 'bullet' }, blocks: inner });
    // Room to write a note by hand, under every duty without one.
    if (withStatus && !status?.note) out.push({ type: 'lines', count: 2, label: t('pdf:checklist.noNote') });
    return out;
  }

  // ---- 4. Sign-off ----------------------------------------------------------------------------------------
  // Kept whole on one page: the heading, what signing means, the identity and the signature table.
  blocks.push({
    type: 'keep',
    blocks: [
      text(t('pdf:signoff.heading'), 'h1', { outline: 1 }),
      text(t('pdf:signoff.intro'), 'body'),
      ...identityFields(),
      field(t('pdf:field.date'), date(r.assessedOn)),
      { type: 'space', size: 8 },
      {
        type: 'table',
        head: [t('pdf:signoff.col.step'), t('pdf:signoff.col.name'), t('pdf:signoff.col.role'), t('pdf:signoff.col.date'), t('pdf:signoff.col.signature')],
        widths: [2.2, 3, 2.6, 2, 3.2],
        rows: (['prepared', 'reviewed', 'approved'] as const).map((k) => [t(`pdf:signoff.row.${k}`), k === 'prepared' ? (input.assessor ?? '') : '', '', '', '']),
        tall: true,
      },
      text(t('pdf:signoff.digestNote'), 'muted'),
    ],
  });

  // ---- Appendix A: answers (question texts, never ids) ---------------------------------------------------
  heading1(t('pdf:answers.heading'), false);
  blocks.push(text(t('pdf:answers.intro'), 'muted'));
  const asked = askedQuestions(rs, answers);
  for (const section of rs.sections) {
    const qs = section.questions.filter((q) => asked.get(q.id) !== 'hidden');
    if (!qs.length) continue;
    // One table per section, the section's name heading its question column (a heading of its own
    // above each table took a third of a page across the appendix).
    blocks.push({ type: 'table', head: [section.title[lang], t('pdf:answers.answer')], widths: [3, 2], rows: qs.map((q) => [q.text[lang], valueText(rs, q.id, answers[q.id], lang, t)]) });
  }

  // ---- Appendix B: the articles behind the tiers and the duties that apply ------------------------------------
  heading1(t('pdf:sources.heading'), false);
  blocks.push(text(t(input.full ? 'pdf:sources.introFull' : 'pdf:sources.intro'), 'muted'));
  const cited = new Set<string>();
  for (const g of REGIMES) for (const reason of [...r.regimes[g].reasons, ...(input.full ? r.regimes[g].ruledOut : [])]) [...reason.articles, ...(reason.context ?? [])].forEach((a) => cited.add(a));
  for (const c of r.conflicts) c.articles.forEach((a) => cited.add(a));
  for (const d of [...r.duties, ...r.notices]) d.articles.forEach((a) => cited.add(a));
  let currentDocument = '';
  for (const [id, a] of rs.articles) {
    if (!cited.has(id)) continue;
    if (a.document !== currentDocument) {
      currentDocument = a.document;
      blocks.push(text(a.documentTitle[lang], 'h2', { keepWithNext: true, outline: 2 }));
    }
    blocks.push(text(`${id} · ${a.heading[lang]}`, 'h3', { keepWithNext: true }));
    const summary = (a.summary as Partial<Record<string, string>> | undefined)?.[lang];
    if (summary && a.regime === 'EU' && lang !== 'en') blocks.push(text(t('pdf:sources.summary'), 'label', { keepWithNext: true }), text(summary, 'translation', { quote: true }));
    blocks.push(text(a.original, 'original', { quote: true }));
    if (a.translation) blocks.push(text(t('pdf:sources.translation'), 'label', { keepWithNext: true }), text(a.translation, 'translation', { quote: true }));
  }

  return {
    lang,
    identity,
    meta: {
      title: `${t('pdf:title')}${subject ? ` — ${subject}` : ''}`,
      ...(input.assessor ? { author: input.assessor } : {}),
      subject: t('pdf:metaSubject'),
      keywords: [r.overallLabel, ...REGIMES.map((g) => `${g}: ${r.regimes[g].tierLabel}`), `rule set ${r.ruleSet.version}`, identity.documentId],
      creator: input.generator,
      date: r.assessedOn,
    },
    header: t('pdf:header', { subject: subject || t('result:page.unnamed'), date: date(r.assessedOn) }),
    footer: t('pdf:footer', { version: r.ruleSet.version, id: identity.documentId }),
    pageLabel: (page, pages) => t('pdf:page', { page, pages }),
    fallbackNote: t('pdf:fallback', { char: '□' }),
    blocks,
  };

  function bullet(s: string, style: 'body' | 'small' = 'body'): Block {
    return { type: 'item', mark: { kind: 'bullet' }, blocks: [text(s, style)] };
  }
}

/** The PDF's file name: "ai-risk-checklist-<company>-<product>-<date>.pdf" ("…-full.pdf" for the full edition), safe on every system. */
export function checklistFileName(r: Report, t: TFunction, edition: DocumentEdition = {}): string {
  const stem = fileStem(subjectLine(r));
  return `${t('pdf:fileName')}${stem ? `-${stem}` : ''}-${r.assessedOn}${edition.full ? '-full' : ''}.pdf`;
}

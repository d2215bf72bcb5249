/**
 * The rule-set catalogue: every question, indicator, tier rule and duty with the article it rests on
 * and that article's text, as one Markdown document for a lawyer to review (rules/CATALOGUE.md).
 * Generated from the rule set; `npm run rules:catalogue` rewrites it and a test keeps it current.
 */
import { glossaryForms, REGIMES, type Article, type Condition, type LocalText, type RuleSet } from '../engine';
import { optionsOf } from '../report/options';

const both = (t: LocalText) => `${t.en} / ${t['zh-CN']}`;
/** An anchor name: dots kept, so that SZ-72.2 (paragraph 2) and SZ-72(2) (item 2) get different anchors. */
const slug = (id: string) => id.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/-$/, '');
const anchor = (id: string) => `art-${slug(id)}`;
/** An explicit anchor (GitHub and most renderers ignore `{#id}` heading attributes). */
const target = (name: string) => `<a id="${name}"></a>`;
const cite = (id: string) => `[${id}](#${anchor(id)})`;
const qLink = (id: string) => `[\`${id}\`](#q-${slug(id)})`;
const cites = (ids: readonly string[] | undefined) => (ids?.length ? ids.map(cite).join(', ') : '—');

/** A condition in words, with question and option ids kept so that a reader can look them up. */
export function describeCondition(c: Condition, rs: RuleSet): string {
  if (c.always) return 'always';
  if (c.all) return c.all.length === 1 ? describeCondition(c.all[0]!, rs) : `all of (${c.all.map((x) => describeCondition(x, rs)).join('; ')})`;
  if (c.any) return c.any.length === 1 ? describeCondition(c.any[0]!, rs) : `any of (${c.any.map((x) => describeCondition(x, rs)).join('; ')})`;
  if (c.not) return `not ${describeCondition(c.not, rs)}`;
  if (c.ref !== undefined) return rs.indicators.has(c.ref) ? `indicator [\`${c.ref}\`](#ind-${slug(c.ref)})` : `[\`${c.ref}\`](#term-${slug(c.ref)})`;
  if (c.tier) return `${c.tier.regime} tier is ${c.tier.in.join(' or ')}`;
  const q = qLink(c.q!);
  if (c.equals !== undefined) return `${q} = ${c.equals}`;
  if (c.in) return `${q} is one of ${c.in.join(', ')}`;
  if (c.includes !== undefined) return `${q} includes ${c.includes}`;
  if (c.includesAny) return `${q} includes any of ${c.includesAny.join(', ')}`;
  if (c.answered) return `${q} is answered`;
  if (c.gte !== undefined) return `${q} ≥ ${c.gte}`;
  if (c.lt !== undefined) return `${q} < ${c.lt}`;
  return '?';
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

/** Which cases (rules/examples, rules/scenarios) produce each duty and cite each article, computed by running them (src/node/cases.ts). */
export interface Exercised {
  duties: ReadonlyMap<string, readonly string[]>;
  articles: ReadonlyMap<string, readonly string[]>;
  /** Every case, in order, with its answers file. */
  cases: readonly { id: string; file: string }[];
}

const caseList = (ids: readonly string[] | undefined) => (ids?.length ? ids.map((id) => `[${id}](#case-${slug(id)})`).join(', ') : '*none — no case exercises it*');

/** Everything in the rule set that cites each article: duties, tier rules, indicators, questions and options, consistency rules. */
export function citedBy(rs: RuleSet): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (ids: readonly string[] | undefined, by: string) => {
    for (const id of ids ?? []) {
      const xs = out.get(id) ?? [];
      if (!xs.includes(by)) out.set(id, [...xs, by]);
    }
  };
  for (const d of rs.duties) add([d.article, ...(d.alsoCites ?? [])], `[duty \`${d.id}\`](#duty-${slug(d.id)})`);
  for (const g of REGIMES) for (const r of rs.tiers[g].rules) add(r.cites, `tier rule \`${r.id}\``);
  for (const ind of rs.indicators.values()) add([...Object.values(ind.cites).flat(), ...Object.values(ind.context ?? {}).flat(), ...(ind.reference ?? [])], `[indicator \`${ind.id}\`](#ind-${slug(ind.id)})`);
  for (const q of rs.questions) {
    add(q.cites, `[question \`${q.id}\`](#q-${slug(q.id)})`);
    for (const o of optionsOf(q)) add(o.cites, `[question \`${q.id}\`](#q-${slug(q.id)})`);
  }
  for (const c of rs.consistency) add(c.cites, `[consistency \`${c.id}\`](#consistency-${slug(c.id)})`);
  return out;
}

function articleBlock(a: Article, cited: readonly string[] | undefined, exercised: Exercised | undefined): string {
  const lines = [`${target(anchor(a.id))}`, '', `### ${a.id} — ${both(a.heading)}`, '', quote(a.original), ''];
  if (a.translation) lines.push(`*Translation (ours, not official):* ${a.translation}`, '');
  if (a.summary?.['zh-CN']) lines.push(`*非官方中文摘要 (unofficial Chinese summary, ours):* ${a.summary['zh-CN']}`, '');
  lines.push(`*Source:* ${a.documentTitle.en} · *verification:* \`${a.verification}\``);
  if (a.provenance === 'own') lines.push('*Read from:* see the note (not the document\'s provenance)');
  lines.push(`*Official text:* ${a.officialUrl ? `<${a.officialUrl}>` : `not linked: no official page of this document could be checked from here; it is published as the document's source says ([${a.document}](#doc-${slug(a.document)}))`}`);
  lines.push(`*Rule file:* \`${a.file}\` · *cited by:* ${cited?.length ? cited.join(', ') : '*nothing*'}`);
  if (exercised) lines.push(`*Exercised by:* ${caseList(exercised.articles.get(a.id))}`);
  if (a.note) lines.push(`*Note:* ${a.note}`);
  lines.push('');
  return lines.join('\n');
}

export function catalogueMarkdown(rs: RuleSet, exercised?: Exercised): string {
  const out: string[] = [];
  const m = rs.manifest;
  out.push(`# Rule-set catalogue — version ${rs.version} (${rs.date})`, '');
  out.push(`${both(m.title)}`, '');
  out.push('> Generated from `rules/` by `npm run rules:catalogue`; do not edit by hand.', '');
  out.push(`**Disclaimer.** ${m.disclaimer.en}`, '', `**免责声明。** ${m.disclaimer['zh-CN']}`, '');
  out.push('## How to read this', '');
  out.push(
    'Each regime decides its tier with an ordered list of tier rules: the first rule whose condition holds decides. ' +
      'Conditions are evaluated in three-valued logic: an answer of *not sure* (or a missing answer) leaves a condition undecided, ' +
      'and a regime whose tier hangs on such a condition is `needs_review`, with the strictest tier still possible. ' +
      'Every article id links to its text in the Sources section at the end.',
    '',
  );
  out.push(
    '**Cases.** The cases that pin the rule set are answer files with their expected outcome beside them: `E…` the worked examples (`rules/examples/`), `S…` and `T…` reviewers\' scenarios (`rules/scenarios/`); each is listed in the Cases section at the end. A duty\'s *exercised by* lists the cases that produce it; an article\'s lists every case whose reasons or duties cite it (so it can be longer than any one duty\'s).',
    '',
    '**Verification of article texts.** `seed-verbatim`: checked word for word against the statute text in the project\'s seeds; `seed-corrected`: from the seeds with a defect corrected (the note says which); `oj-verbatim`: word for word from the EU Official Journal or the consolidated text; `secondary`: from a secondary source, to be checked; `paraphrase-unverified`: our paraphrase, not the statute\'s words, unchecked; `title-only`: only the title is given.',
    '',
  );
  for (const [k, v] of Object.entries(m.asOf)) out.push(`- **${k}** (as of ${v.date}): ${v.note.en}`);
  out.push('');

  out.push('## Tier rules', '');
  for (const regime of REGIMES) {
    const t = rs.tiers[regime];
    out.push(`### ${both(m.regimes[regime].name)}`, '', `Tiers, strictest first: ${t.tiers.map((x) => `\`${x}\``).join(' · ')}`, '');
    out.push('| # | rule | tier | when | cites | reason |', '|---|---|---|---|---|---|');
    t.rules.forEach((r, i) => {
      const from = r.from ? ` *(decides only from ${r.from}; before that the result warns)*` : '';
      out.push(`| ${i + 1} | \`${r.id}\` | \`${r.tier}\`${from} | ${r.otherwise ? 'otherwise' : describeCondition(r.when!, rs)} | ${cites(r.cites)} | ${r.reason.en} |`);
    });
    out.push('');
    for (const r of t.rules) for (const n of r.notes ?? []) out.push(`*Note on \`${r.id}\`* (when ${describeCondition(n.when, rs)}): ${n.text.en}${n.cites?.length ? ` (${cites(n.cites)})` : ''}`, '');
    for (const c of t.caveats ?? []) out.push(`*Caveat (${c.tiers.join(', ')}):* ${c.text.en} (${cites(c.cites)})`, '');
    for (const f of t.findings ?? []) out.push(`*Finding \`${f.id}\`* (when ${describeCondition(f.when, rs)}): ${f.text.en} (${cites(f.cites)})`, '');
  }

  out.push('## Consistency rules', '');
  out.push(
    'Answers that contradict each other or the law. When a rule holds, the answers it disputes are not taken on faith: they count as open, every tier they could change shows its worst case, and the regimes named are `needs_review`, with the message below and a link back to each question.',
    '',
  );
  for (const c of rs.consistency) {
    out.push(target(`consistency-${slug(c.id)}`), '', `#### \`${c.id}\` — ${c.regimes.join(', ')}`, '');
    out.push(`- **when:** ${describeCondition(c.when, rs)}`, `- **questions:** ${c.questions.map(qLink).join(', ')} · **disputed:** ${c.disputes.map(qLink).join(', ')}`, `- **cites:** ${cites(c.cites)}`);
    out.push(`- **message:** ${c.message.en}`, `- **提示：** ${c.message['zh-CN']}`, '');
  }

  out.push('## Indicators', '');
  out.push('Named conditions that decide tiers; each cites, per regime, the article that motivates it.', '');
  for (const ind of rs.indicators.values()) {
    const c = Object.entries(ind.cites)
      .map(([r, ids]) => `${r}: ${cites(ids)}`)
      .join(' · ');
    out.push(target(`ind-${slug(ind.id)}`), '', `#### \`${ind.id}\` — ${both(ind.title)}`, '', ind.explanation.en, '', `- **when:** ${describeCondition(ind.when, rs)}`, `- **cites:** ${c}`);
    if (ind.reference?.length) out.push(`- **reference scale:** ${cites(ind.reference)}`);
    if (ind.context) out.push(`- **context (our reading, not the basis):** ${Object.entries(ind.context).map(([r, ids]) => `${r}: ${cites(ids)}`).join(' · ')}`);
    if (ind.heuristic) out.push(`- **our reading:** ${ind.heuristic.en}`);
    out.push('');
  }

  out.push('## Terms', '', '| term | meaning | when |', '|---|---|---|');
  for (const t of rs.terms.values()) out.push(`| ${target(`term-${slug(t.id)}`)}\`${t.id}\` | ${t.description.en} | ${describeCondition(t.when, rs)} |`);
  out.push('');

  out.push('## Questions', '');
  for (const s of rs.sections) {
    out.push(`### ${both(s.title)}`, '');
    for (const q of s.questions) {
      out.push(target(`q-${slug(q.id)}`), '', `#### \`${q.id}\` (${q.type}${q.optional ? ', optional' : ''})`, '', `**${q.text.en}**  `, `**${q.text['zh-CN']}**`, '');
      out.push(`*In plain words:* ${q.plain.en}`, '', `*通俗解释：* ${q.plain['zh-CN']}`, '');
      out.push(q.help.en, '', q.help['zh-CN'], '');
      out.push(`- **asked when:** ${q.askedWhen ? describeCondition(q.askedWhen, rs) : 'always'}`, `- **serves:** ${cites(q.cites)}`, `- **usually known by:** ${q.whoKnows.join(', ')}`);
      if (q.heuristic) out.push(`- **our reading:** ${q.heuristic.en}`);
      const opts = optionsOf(q);
      if (q.type !== 'text' && q.type !== 'number') {
        out.push('- **options:**');
        for (const o of opts) {
          const flags = [o.exclusive ? 'exclusive' : '', o.unknown || q.unknownValues.has(o.id) ? 'not sure' : ''].filter(Boolean).join(', ');
          out.push(`  - \`${o.id}\` — ${both(o.label)}${flags ? ` *(${flags})*` : ''}${o.cites?.length ? ` — ${cites(o.cites)}` : ''}`);
        }
      }
      out.push('');
    }
  }

  out.push('## Duties and notices', '');
  out.push(
    '*duty* = mandatory for the company answering, now; *anticipated* = expected once implementing measures are issued, not operative yet; *encouraged* = the statute encourages it; *notice* = information (others\' duties, benefits, penalties). Each Shanghai and Shenzhen item records why it has its force (*force*), read from its sentence.',
    '',
  );
  for (const regime of ['SH', 'SZ', 'EU', 'GPAI', 'CN'] as const) {
    const ds = rs.duties.filter((d) => d.regime === regime);
    if (!ds.length) continue;
    out.push(`### ${regime}`, '');
    for (const d of ds) {
      const dates = typeof d.from === 'string' ? d.from : d.from.map((e) => (e.when ? `${e.date} if ${describeCondition(e.when, rs)}` : `otherwise ${e.date}`)).join('; ');
      const from = d.schedule ? `schedule \`${d.schedule}\`: ${dates}` : dates;
      out.push(target(`duty-${slug(d.id)}`), '', `#### \`${d.id}\` — ${both(d.title)}`, '');
      out.push(`- **article:** ${cite(d.article)}${d.alsoCites?.length ? ` (also ${cites(d.alsoCites)})` : ''} · **kind:** ${d.kind} · **from:** ${from}`);
      out.push(`- **rule file:** \`${d.file}\`${exercised ? ` · **exercised by:** ${caseList(exercised.duties.get(d.id))}` : ''}`);
      if (d.forceBasis) out.push(`- **force:** ${d.forceBasis.en}`);
      if (d.addressee) out.push(`- **addressee:** ${both(d.addressee)}`);
      out.push(`- **when:** ${describeCondition(d.when, rs)}`, `- **in plain words:** ${d.plain.en}`, `- **通俗解释：** ${d.plain['zh-CN']}`, `- **what to do:** ${d.do.en}`, `- **应做事项：** ${d.do['zh-CN']}`);
      if (d.evidence?.length) out.push(`- **evidence:** ${d.evidence.map((e) => e.en).join('; ')}`);
      if (d.heuristic) out.push(`- **our reading:** ${d.heuristic.en}`);
      if (d.unverified) out.push(`- **to verify:** ${d.unverified.en}`);
      out.push('');
    }
  }

  out.push('## Glossary', '');
  out.push('Linked wherever one of its forms appears in a question\'s or a duty\'s text (English forms as whole words, any case).', '');
  for (const g of rs.glossary) {
    out.push(target(`glossary-${slug(g.id)}`), '', `#### ${both(g.term)}`, '', g.definition.en, '', g.definition['zh-CN'], '');
    out.push(`- **linked forms:** ${glossaryForms(g.match.en).map((f) => `“${f}”`).join(', ')} · ${glossaryForms(g.match['zh-CN']).map((f) => `“${f}”`).join('、')}`, `- **rests on:** ${g.cites.length ? cites(g.cites) : '*no article*'}`, '');
  }

  out.push('## Sources', '');
  const cited = citedBy(rs);
  const byDoc = new Map<string, Article[]>();
  const regimeOrder = ['SH', 'SZ', 'EU', 'CN'];
  const articles = [...rs.articles.values()].sort((a, b) => regimeOrder.indexOf(a.regime) - regimeOrder.indexOf(b.regime));
  for (const a of articles) byDoc.set(a.document, [...(byDoc.get(a.document) ?? []), a]);
  for (const arts of byDoc.values()) {
    out.push(target(`doc-${slug(arts[0]!.document)}`), '', `### ${both(arts[0]!.documentTitle)}`, '', `*Source:* ${arts[0]!.documentSource}`, '');
    if (arts[0]!.documentProvenance) out.push(`*Texts read from (unless an article says otherwise):* ${arts[0]!.documentProvenance}`, '');
    for (const a of arts) out.push(articleBlock(a, cited.get(a.id), exercised));
  }
  if (exercised?.cases.length) {
    out.push('## Cases', '', '| case | answers file |', '|---|---|');
    for (const c of exercised.cases) out.push(`| ${target(`case-${slug(c.id)}`)}\`${c.id}\` | \`${c.file}\` (expected outcome beside it) |`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

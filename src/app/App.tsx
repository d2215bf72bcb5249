/**
 * Placeholder page until the questionnaire lands (next issue): it proves the rule set reaches the
 * browser through `virtual:rules` and validates there with the same engine as the command line.
 */
import raw from 'virtual:rules';
import { loadRuleSet } from '../engine/ruleset';

const loaded = loadRuleSet(raw);

export function App() {
  if (!loaded.ok) {
    return (
      <main>
        <h1>AI-risk self-assessment</h1>
        <p role="alert">The rule set failed to load: {loaded.errors.length} problem(s).</p>
      </main>
    );
  }
  const rs = loaded.ruleSet;
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '46rem', margin: '2rem auto', padding: '0 1rem', lineHeight: 1.5 }}>
      <h1>AI-risk self-assessment</h1>
      <p lang="zh-CN">人工智能风险自评估</p>
      <p>
        Rule set {rs.version} ({rs.date}): {rs.questions.length} questions in {rs.sections.length} sections, {rs.indicators.size} indicators,{' '}
        {rs.duties.length} duties and notices, {rs.articles.size} cited articles.
      </p>
      <p>The questionnaire is being built. Meanwhile the command line classifies answer files: see README.md.</p>
      <p>
        <small>{rs.manifest.disclaimer.en}</small>
      </p>
    </main>
  );
}

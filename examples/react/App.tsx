// Veche inside a React 19 app: React 19 passes objects as properties and `on<event>` props as listeners
// to custom elements, so no wrapper is needed. `@veche/elements/all` defines every element before React
// renders them (so objects reach them as properties).
import '@veche/elements/all';
import type {} from '@veche/elements/react';
import { createMemoryAdapter } from '@veche/core/memory';
import type { VecheBallotChangeDetail, VecheIdeaSubmitDetail, VecheVoteDetail } from '@veche/elements';
import { useMemo, useState } from 'react';

export function App() {
  // A backend of your own is any object implementing VecheAdapter; here the demo in three phases.
  const support = useMemo(() => createMemoryAdapter('memory:demo?phase=support'), []);
  const voting = useMemo(() => createMemoryAdapter('memory:demo'), []);
  const results = useMemo(() => createMemoryAdapter('memory:demo?phase=results'), []);
  const [log, setLog] = useState<string[]>([]);
  const [theme, setTheme] = useState<'light' | 'dark' | 'contrast'>('light');
  const note = (line: string) => setLog((l) => [...l, line]);

  const onVote = (event: CustomEvent<VecheVoteDetail>) => note(`veche-vote: ${event.detail.action} ${event.detail.projectId}`);
  const onIdea = (event: CustomEvent<VecheIdeaSubmitDetail>) => note(`veche-idea-submit: ${event.detail.id}`);
  const onBallot = (event: CustomEvent<VecheBallotChangeDetail>) =>
    note(`veche-ballot-change: ${event.detail.selection.map((s) => s.projectId).join(',')} ${event.detail.total}`);

  return (
    <main>
      <h1>Народный бюджет в приложении на React</h1>
      <label>
        Тема{' '}
        <select value={theme} onChange={(e) => setTheme(e.target.value as typeof theme)}>
          <option value="light">Светлая</option>
          <option value="dark">Тёмная</option>
          <option value="contrast">Для слабовидящих</option>
        </select>
      </label>
      <veche-provider adapter={support} campaign="demo" theme={theme}>
        <h2>Поддержка</h2>
        <veche-progress-meter view="support" project="demo-8"></veche-progress-meter>
        <veche-vote-button project="demo-8" onveche-vote={onVote}></veche-vote-button>
        <veche-progress-meter view="timeline"></veche-progress-meter>
        <h2>Проекты</h2>
        <veche-project-map></veche-project-map>
        <veche-project-list page-size={6}></veche-project-list>
        <h2>Идея</h2>
        <veche-idea-form onveche-idea-submit={onIdea}></veche-idea-form>
      </veche-provider>
      <veche-provider adapter={voting} campaign="demo" theme={theme}>
        <h2>Голосование</h2>
        <veche-budget-ballot onveche-ballot-change={onBallot}></veche-budget-ballot>
      </veche-provider>
      <veche-provider adapter={results} campaign="demo" theme={theme}>
        <h2>Итоги</h2>
        <veche-results></veche-results>
        <veche-share url="https://city.example/pb" text="Итоги народного бюджета"></veche-share>
      </veche-provider>
      <h2>События</h2>
      <ul aria-live="polite" data-testid="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </main>
  );
}

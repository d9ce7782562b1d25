// Veche inside a React 19 app: React 19 passes objects as properties and `on<event>` props as listeners
// to custom elements, so no wrapper is needed.
import '@veche/elements/all';
import type {} from '@veche/elements/react';
import { createMemoryAdapter } from '@veche/core/memory';
import type { VecheIdeaSubmitDetail, VecheVoteDetail } from '@veche/elements';
import { useMemo, useState } from 'react';

export function App() {
  // A backend of your own is any object implementing VecheAdapter; here the demo, moved to its support phase.
  const adapter = useMemo(() => createMemoryAdapter('memory:demo?phase=support'), []);
  const [log, setLog] = useState<string[]>([]);
  const [theme, setTheme] = useState<'light' | 'dark' | 'contrast'>('light');

  const onVote = (event: CustomEvent<VecheVoteDetail>) =>
    setLog((l) => [...l, `veche-vote: ${event.detail.action} ${event.detail.projectId}`]);
  const onIdea = (event: CustomEvent<VecheIdeaSubmitDetail>) => setLog((l) => [...l, `veche-idea-submit: ${event.detail.id}`]);

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
      <veche-provider adapter={adapter} campaign="demo" theme={theme}>
        <h2>Площадка на Ленина, 12</h2>
        <veche-progress-meter view="support" project="demo-8"></veche-progress-meter>
        <veche-vote-button project="demo-8" onveche-vote={onVote}></veche-vote-button>
        <veche-progress-meter view="timeline"></veche-progress-meter>
        <veche-idea-form onveche-idea-submit={onIdea}></veche-idea-form>
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

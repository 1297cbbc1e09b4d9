import { useState } from 'react';
import { api, apiPath } from '../api/client';
import { collectItems } from '../api/collect-items';
import type { ItemRef } from '../api/types';
import { useAction, useApi } from '../api/use-api';
import { RoadmapPicker } from '../components/roadmap-picker';
import { LoadState } from '../components/status-view';
import { dateOf } from '../format';
import { href } from '../router';

const RATINGS: [1 | 2 | 3 | 4, string][] = [
  [1, 'Again'],
  [2, 'Hard'],
  [3, 'Good'],
  [4, 'Easy'],
];

export function ReviewPage() {
  const [roadmap, setRoadmap] = useState('');
  const due = useApi<unknown>(apiPath('/api/review/due', { roadmap }));
  const cards = due.data === undefined ? [] : collectItems(due.data).flatMap((group) => group.items);
  return (
    <>
      <h1>Review</h1>
      <p className="muted">
        Finished topics come back for a short recall check; rate how well you remembered.
      </p>
      <div className="toolbar">
        <RoadmapPicker value={roadmap} onChange={setRoadmap} />
      </div>
      <LoadState loading={due.loading && due.data === undefined} error={due.error} what="due reviews" />
      {due.data !== undefined && cards.length === 0 && <p>Nothing to review now.</p>}
      <ul className="cards">
        {cards.map((card) => (
          <ReviewCard key={`${card.roadmapId}:${card.nodeId}`} card={card} />
        ))}
      </ul>
    </>
  );
}

function ReviewCard({ card }: { card: ItemRef }) {
  const { run, busy } = useAction();
  const ref = `${card.roadmapId}:${card.nodeId}`;
  return (
    <li className="card review-card">
      <h2 className="h3">
        <a href={href('roadmap', [card.roadmapId], { item: card.nodeId })}>{card.title}</a>
      </h2>
      {card.path && card.path.length > 0 && <p className="muted small">{card.path.join(' › ')}</p>}
      <p className="muted small">
        {card.roadmapId}
        {card.due ? ` · due ${dateOf(card.due)}` : ''}
      </p>
      <fieldset className="ratings">
        <legend>How well did you remember it?</legend>
        {RATINGS.map(([rating, label]) => (
          <button
            key={rating}
            type="button"
            disabled={busy}
            onClick={() => void run(() => api.post('/api/review', { item: ref, rating }))}
          >
            {rating} {label}
          </button>
        ))}
      </fieldset>
    </li>
  );
}

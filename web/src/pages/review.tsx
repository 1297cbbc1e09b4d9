/**
 * Review as a session: the due cards one at a time, most overdue first. Recall, "Show answer" to see your
 * notes and evidence, rate with the buttons or keys 1-4 (while the session has focus, never while typing);
 * each rating is stored at once and confirmed with Undo; the session's time is logged as review time when
 * it ends (see use-review-session.ts).
 */
import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { api, apiPath } from '../api/client';
import { useRoadmapTitles } from '../api/roadmap-titles';
import type { DueCard, DueList, ReviewStatsSummary } from '../api/types';
import { useAction, useApi } from '../api/use-api';
import { ActionError } from '../components/action-error';
import { RoadmapPicker } from '../components/roadmap-picker';
import { SafeLink } from '../components/safe-link';
import { LoadState } from '../components/status-view';
import { dateOf, formatMinutes } from '../format';
import { href } from '../router';
import {
  currentCard,
  isTyping,
  position,
  RATINGS,
  type Rating,
  ratingForKey,
  ratingLabel,
  type SessionState,
} from './review-session';
import { useReviewSession } from './use-review-session';
import './review.css';

export function ReviewPage() {
  const [roadmap, setRoadmap] = useState('');
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const { session, dispatch, start, logNow } = useReviewSession();
  const rating = useAction();
  const ending = useAction();
  const [announcement, setAnnouncement] = useState('');
  const cardHeading = useRef<HTMLHeadingElement>(null);
  const endHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes after the next render: the new card after a rating, the end screen after the last. */
  const focusNext = useRef<'card' | 'answer' | 'end' | undefined>(undefined);
  const answer = useRef<HTMLElement>(null);

  // The session takes the due cards once; live changes do not reshuffle it (see review-session.ts).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` asks for a new session
  useEffect(() => {
    let cancelled = false;
    setLoadError(undefined);
    api.get(apiPath('/api/review/due', { roadmap })).then(
      (due) => {
        if (!cancelled) start(due.cards);
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [roadmap, generation, start]);

  useEffect(() => {
    if (focusNext.current === 'card') cardHeading.current?.focus();
    if (focusNext.current === 'answer') answer.current?.focus();
    if (focusNext.current === 'end') endHeading.current?.focus();
    focusNext.current = undefined;
  });

  const card = session ? currentCard(session) : undefined;
  const { titleOf } = useRoadmapTitles();
  // "Show answer" goes away as the answer shows: focus moves to the answer, so the keys keep working.
  const reveal = useCallback(() => {
    focusNext.current = 'answer';
    dispatch({ type: 'reveal' });
  }, [dispatch]);

  const finish = useCallback(async () => {
    focusNext.current = 'end';
    dispatch({ type: 'end', at: Date.now() });
    await ending.run(logNow, {
      success: (logged) => (logged ? `Logged ${formatMinutes(logged.minutes)} of review time` : undefined),
    });
  }, [dispatch, ending, logNow]);

  const rate = async (value: Rating) => {
    if (!card || rating.busy) return;
    let changeId: string | undefined;
    const rated = await rating.run(() => api.post('/api/review', { item: card.ref, rating: value }), {
      success: (result) => {
        changeId = result.event.changeId;
        return `${result.ratingName}: ${result.title}. Next review ${dateOf(result.next.due)}`;
      },
      undoable: true,
      onUndone: () => {
        if (changeId === undefined) return;
        focusNext.current = 'card';
        dispatch({ type: 'undone', changeId });
        setAnnouncement(`Rating undone: ${card.title} is back.`);
      },
    });
    if (!rated || !session) return;
    dispatch({
      type: 'rated',
      entry: { card, rating: value, changeId: rated.event.changeId, nextDue: rated.next.due },
    });
    const left = session.queue.length - 1;
    if (left === 0) {
      setAnnouncement(`Rated ${ratingLabel(value)}. That was the last card.`);
      await finish();
      return;
    }
    focusNext.current = 'card';
    setAnnouncement(`Rated ${ratingLabel(value)}. Card ${position(session) + 1} of ${session.total}.`);
  };

  const skip = () => {
    if (!session || !card) return;
    focusNext.current = session.queue.length > 1 ? 'card' : 'end';
    dispatch({ type: 'skip' });
    if (session.queue.length === 1) void finish();
    else setAnnouncement(`Skipped. Card ${position(session) + 1} of ${session.total}.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!card || session?.ended) return;
    const value = ratingForKey(event);
    if (value !== undefined) {
      event.preventDefault();
      void rate(value);
      return;
    }
    const onControl = isTyping(event.target) || (event.target as HTMLElement).closest('button, a');
    if (onControl || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.key === ' ' || event.key === 'Enter') && !session?.revealed) {
      event.preventDefault();
      reveal();
    } else if (event.key === 's' || event.key === 'S') {
      event.preventDefault();
      skip();
    }
  };

  const changeRoadmap = (id: string) => {
    // A new roadmap is a new session: the time of this one is logged first.
    if (session && !session.ended)
      void ending.run(logNow, {
        success: (logged) => (logged ? `Logged ${formatMinutes(logged.minutes)} of review time` : undefined),
      });
    setRoadmap(id);
  };

  return (
    <>
      <h1>Review</h1>
      <p className="muted">
        Finished topics come back for a short recall check: recall what you know, show the answer, rate how
        well you remembered.
      </p>
      <div className="toolbar">
        <RoadmapPicker value={roadmap} onChange={changeRoadmap} />
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="review-announcement">
        {announcement}
      </p>
      <LoadState loading={!session && !loadError} error={loadError} what="due reviews" />
      {session && !session.ended && card && (
        <section
          className="card review-session"
          aria-labelledby="review-card-title"
          aria-describedby="review-keys"
          tabIndex={-1}
          onKeyDown={onKeyDown}
          data-testid="review-session"
        >
          <div className="review-progress">
            <p className="review-count" data-testid="review-progress">
              <strong>
                {position(session)} of {session.total}
              </strong>
              <span className="muted small">
                {' '}
                · {session.rated.length} rated
                {session.skipped.length ? ` · ${session.skipped.length} skipped` : ''}
              </span>
            </p>
            <progress
              value={position(session) - 1}
              max={session.total}
              aria-label={`Card ${position(session)} of ${session.total}`}
            />
          </div>
          <ReviewCardView
            key={card.ref}
            card={card}
            roadmapTitle={titleOf(card.roadmapId)}
            revealed={session.revealed}
            onReveal={reveal}
            onNoted={(note) => {
              // Back to the answer, so the next key rates instead of typing another note.
              focusNext.current = 'answer';
              dispatch({ type: 'noted', ref: card.ref, note });
            }}
            onUnnoted={(note) => dispatch({ type: 'unnoted', ref: card.ref, note })}
            headingRef={cardHeading}
            answerRef={answer}
          />
          <fieldset className="ratings" disabled={rating.busy}>
            <legend>How well did you remember it?</legend>
            {RATINGS.map(({ rating: value, label, meaning }) => (
              <button
                key={value}
                type="button"
                className={`rating rating-${value}`}
                aria-keyshortcuts={String(value)}
                onClick={() => void rate(value)}
              >
                <kbd>{value}</kbd> {label}
                <span className="rating-meaning">{meaning}</span>
              </button>
            ))}
          </fieldset>
          <ActionError error={rating.error} />
          <div className="review-actions">
            <button type="button" aria-keyshortcuts="s" onClick={skip}>
              Skip this card
            </button>
            <button type="button" onClick={() => void finish()}>
              End session
            </button>
          </div>
          <p id="review-keys" className="muted small">
            Keys: 1 Again, 2 Hard, 3 Good, 4 Easy; Space shows the answer; S skips.
          </p>
        </section>
      )}
      {session?.ended && (
        <SessionEnd
          session={session}
          headingRef={endHeading}
          roadmap={roadmap}
          onAgain={() => setGeneration((g) => g + 1)}
          error={ending.error}
        />
      )}
    </>
  );
}

function ReviewCardView({
  card,
  roadmapTitle,
  revealed,
  onReveal,
  onNoted,
  onUnnoted,
  headingRef,
  answerRef,
}: {
  card: DueCard;
  roadmapTitle: string;
  revealed: boolean;
  onReveal: () => void;
  onNoted: (note: { at: string; text: string }) => void;
  onUnnoted: (note: { at: string; text: string }) => void;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  answerRef: React.RefObject<HTMLElement | null>;
}) {
  return (
    <div className="review-card">
      <h2 id="review-card-title" className="review-title" tabIndex={-1} ref={headingRef}>
        {card.title}
      </h2>
      {card.path.length > 0 && <p className="muted small review-path">{card.path.join(' › ')}</p>}
      <p className="muted small">
        <a href={href('roadmap', [card.roadmapId], { item: card.nodeId })}>{roadmapTitle}</a>
        {' · '}
        {card.overdueDays === 0
          ? 'due today'
          : `${card.overdueDays} day${card.overdueDays === 1 ? '' : 's'} overdue`}
        {card.reps > 0 ? ` · reviewed ${card.reps}×` : ' · first review'}
      </p>
      {revealed ? (
        <section
          className="review-answer"
          aria-label="Your notes and evidence"
          tabIndex={-1}
          ref={answerRef}
          data-testid="review-answer"
        >
          {card.notes.length === 0 && card.evidence.length === 0 && (
            <p className="muted">No notes or evidence on this topic yet: add what you recalled below.</p>
          )}
          {card.notes.length > 0 && (
            <>
              <h3>Your notes</h3>
              <ul className="plain review-notes">
                {card.notes.map((note, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id and never reorder
                  <li key={index}>
                    <time className="muted small" dateTime={note.at}>
                      {dateOf(note.at)}
                    </time>{' '}
                    {note.text}
                  </li>
                ))}
              </ul>
            </>
          )}
          <NoteForm card={card} onNoted={onNoted} onUnnoted={onUnnoted} />
          {card.evidence.length > 0 && (
            <>
              <h3>Evidence</h3>
              <ul className="plain review-evidence">
                {card.evidence.map((evidence, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: evidence has no id and never reorders
                  <li key={index}>
                    <span className="muted small">{evidence.kind}:</span> <SafeLink url={evidence.ref} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : (
        <p>
          <button type="button" className="reveal" onClick={onReveal} aria-keyshortcuts="Space">
            Show answer
          </button>{' '}
          <span className="muted small">
            {card.notes.length + card.evidence.length === 0
              ? 'no notes or evidence yet'
              : `${card.notes.length} note${card.notes.length === 1 ? '' : 's'}, ${card.evidence.length} evidence`}
          </span>
        </p>
      )}
    </div>
  );
}

/** Adds a note to the card's topic (keys 1-4 type into it, they do not rate). */
type NoteShown = (note: { at: string; text: string }) => void;

function NoteForm({ card, onNoted, onUnnoted }: { card: DueCard; onNoted: NoteShown; onUnnoted: NoteShown }) {
  const [text, setText] = useState('');
  const { run, busy, error } = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const note = text.trim();
    if (!note) return;
    let recorded: { at: string; text: string } | undefined;
    const saved = await run(() => api.post('/api/notes', { item: card.ref, text: note }), {
      success: (event) => {
        recorded = { at: event.at, text: event.text };
        return `Noted on ${card.title}`;
      },
      undoable: true,
      onUndone: () => {
        if (recorded) onUnnoted(recorded);
      },
    });
    if (saved) {
      onNoted({ at: saved.at, text: saved.text });
      setText('');
    }
  };
  const id = `review-note-${card.ref}`;
  return (
    <form className="review-note-form" onSubmit={save}>
      <label htmlFor={id}>Add a note</label>
      <div className="review-note-row">
        <input id={id} value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" disabled={busy || text.trim() === ''}>
          Save note
        </button>
      </div>
      <ActionError error={error} />
    </form>
  );
}

function elapsedText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return formatMinutes(seconds / 60);
}

function SessionEnd({
  session,
  headingRef,
  roadmap,
  onAgain,
  error,
}: {
  session: SessionState;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  roadmap: string;
  onAgain: () => void;
  error: unknown;
}) {
  const stats = useApi<ReviewStatsSummary>(apiPath('/api/review/stats', { roadmap }));
  const due = useApi<DueList>(apiPath('/api/review/due', { roadmap }));
  const today = stats.data?.today ?? '';
  const nextDay = stats.data?.load.find((day) => day.date > today && day.due > 0);
  const stillDue = due.data?.cards.length ?? 0;
  const elapsed = (session.endedAt ?? Date.now()) - session.startedAt;
  if (session.total === 0) {
    return (
      <section className="card review-end" aria-labelledby="review-end-title">
        <h2 id="review-end-title" ref={headingRef} tabIndex={-1}>
          Nothing to review now
        </h2>
        <NextDue nextDay={nextDay} loading={stats.loading} />
      </section>
    );
  }
  const rated = session.rated.length;
  return (
    <section className="card review-end" aria-labelledby="review-end-title" data-testid="review-end">
      <h2 id="review-end-title" ref={headingRef} tabIndex={-1}>
        {session.queue.length === 0 ? 'Session complete' : 'Session ended'}
      </h2>
      <p data-testid="review-summary">
        {rated} reviewed in {elapsedText(elapsed)}
        {session.skipped.length ? `, ${session.skipped.length} skipped` : ''}
        {session.queue.length ? `, ${session.queue.length} left` : ''}.
        {session.loggedMinutes > 0 ? ` Logged ${formatMinutes(session.loggedMinutes)} of review time.` : ''}
      </p>
      {rated > 0 && (
        <p className="muted small">
          {RATINGS.map(
            ({ rating, label }) => `${label} ${session.rated.filter((r) => r.rating === rating).length}`,
          ).join(' · ')}
        </p>
      )}
      <ActionError error={error} />
      <NextDue nextDay={nextDay} loading={stats.loading} />
      <p className="review-actions">
        {stillDue > 0 && (
          <button type="button" onClick={onAgain}>
            Review the {stillDue} card{stillDue === 1 ? '' : 's'} still due
          </button>
        )}
        <a href={href('today')}>Back to Today</a>
      </p>
    </section>
  );
}

function NextDue({
  nextDay,
  loading,
}: {
  nextDay: { date: string; due: number } | undefined;
  loading: boolean;
}) {
  if (loading && !nextDay) return null;
  return (
    <p data-testid="review-next-due">
      {nextDay
        ? `Next due: ${nextDay.date}, ${nextDay.due} card${nextDay.due === 1 ? '' : 's'}.`
        : 'No card falls due in the next 30 days.'}
    </p>
  );
}

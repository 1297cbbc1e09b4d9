/**
 * The review session's state and its time log. The state lives in a ref (re-rendered on change) so that
 * the handlers that log time (End session, leaving the page, closing the tab) always read the latest
 * ratings, and a log marks its time as logged before it is sent: the same minutes are never sent twice.
 *
 * When the time is logged: on End session and when the last card is rated (awaited, confirmed in a toast);
 * when the learner goes to another page of the dashboard (the page unmounts: sent, confirmed in a toast);
 * when the tab closes or navigates away (`pagehide`: a keepalive fetch, which can carry the token header
 * that `navigator.sendBeacon` cannot). A session without a rating logs nothing, as in the terminal.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { api, errorMessage, postOnPageExit } from '../api/client';
import { useLive } from '../api/live';
import { useToasts } from '../api/toasts';
import type { DueCard, LoggedReviewTime } from '../api/types';
import { formatMinutes } from '../format';
import {
  expectedMinutes,
  pendingTimeLog,
  type SessionAction,
  type SessionState,
  sessionReducer,
  startSession,
} from './review-session';

export const SESSION_LOG_PATH = '/api/review/session';

export function useReviewSession() {
  const state = useRef<SessionState | undefined>(undefined);
  const [, render] = useReducer((n: number) => n + 1, 0);
  const { show } = useToasts();
  const { bump } = useLive();
  // Read by the unmount handler, which must run once, at unmount only (not when a dependency changes).
  const notify = useRef({ show, bump });
  notify.current = { show, bump };

  // Every action of the learner is activity: it ends the gap that counts towards the session's time.
  const dispatch = useCallback((action: SessionAction) => {
    if (!state.current) return;
    const active = sessionReducer(state.current, { type: 'activity', at: Date.now() });
    state.current = sessionReducer(active, action);
    render();
  }, []);

  const start = useCallback((cards: readonly DueCard[]) => {
    state.current = startSession(cards, Date.now());
    render();
  }, []);

  /** Takes the time owed so far out of the session (so no other path sends it) and returns what to send. */
  const takePending = useCallback(() => {
    const current = state.current;
    if (!current) return undefined;
    const now = Date.now();
    const log = pendingTimeLog(current, now);
    if (!log) return undefined;
    state.current = sessionReducer(current, { type: 'logged', at: now, minutes: expectedMinutes(log) });
    render();
    return log;
  }, []);

  /** Logs the time owed and waits for the answer; a failure is thrown to the caller (shown at its button). */
  const logNow = useCallback(async (): Promise<LoggedReviewTime | undefined> => {
    const log = takePending();
    if (!log) return undefined;
    const logged = await api.post(SESSION_LOG_PATH, log);
    notify.current.bump();
    return logged;
  }, [takePending]);

  // Leaving for another page of the dashboard unmounts the page: log what is owed, confirm it in a toast.
  useEffect(
    () => () => {
      const log = takePending();
      if (!log) return;
      const { show, bump } = notify.current;
      api.post(SESSION_LOG_PATH, log).then(
        (logged) => {
          bump();
          show({ message: `Logged ${formatMinutes(logged.minutes)} of review time`, tone: 'info' });
        },
        (error: unknown) =>
          show({ message: `Could not log the review time. ${errorMessage(error)}`, tone: 'error' }),
      );
    },
    [takePending],
  );

  // Closing the tab or navigating away from the dashboard: the page cannot wait for an answer.
  useEffect(() => {
    const onPageHide = () => {
      const current = state.current;
      const log = current && pendingTimeLog(current, Date.now());
      if (log && postOnPageExit(SESSION_LOG_PATH, log)) takePending();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, [takePending]);

  return { session: state.current, dispatch, start, logNow };
}

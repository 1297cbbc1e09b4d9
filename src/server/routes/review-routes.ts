/** Spaced review over review-service.ts: `waymark review --json`, `waymark stats --json`, `waymark rate`. */
import { dueCards, logReviewSessionTime, rateCard, reviewStats } from '../../app/review-service.js';
import { route } from '../route.js';
import { reviewBody, reviewDueQuery, reviewSessionBody } from '../schemas.js';

export const reviewRoutes = [
  route({
    method: 'get',
    path: '/api/review/due',
    tag: 'review',
    query: reviewDueQuery,
    summary: 'Review cards due today, most overdue first (`waymark review --json`)',
    responseDescription: 'DueList',
    cached: true,
    handle: ({ workspace, query, timeZone }) =>
      dueCards(workspace, { timeZone, ...(query.roadmap !== undefined ? { roadmapId: query.roadmap } : {}) }),
  }),
  route({
    method: 'get',
    path: '/api/review/stats',
    tag: 'review',
    query: reviewDueQuery,
    summary: 'Retention per week, cards by state, the review load ahead (`waymark stats --json`)',
    responseDescription: 'ReviewStats',
    cached: true,
    handle: ({ workspace, query, timeZone }) =>
      reviewStats(workspace, {
        timeZone,
        ...(query.roadmap !== undefined ? { roadmapId: query.roadmap } : {}),
      }),
  }),
  route({
    method: 'post',
    path: '/api/review',
    tag: 'review',
    body: reviewBody,
    status: 201,
    summary: 'Rate the recall of a finished topic, 1 (again) to 4 (easy) (`waymark rate --json`)',
    responseDescription: 'RatedCard: the rating, the next due date and the recorded event',
    handle: ({ workspace, body }) => {
      const b = body as { item: string; rating: number };
      return rateCard(workspace, b.item, b.rating);
    },
  }),
  route({
    method: 'post',
    path: '/api/review/session',
    tag: 'review',
    body: reviewSessionBody,
    status: 201,
    summary:
      'Log the time a review session took as review time (`kind: review`), one change over its roadmaps',
    responseDescription: '{ minutes, events }: the log events recorded (none for an empty session)',
    handle: ({ workspace, body }) => {
      const b = body as { reviewed: { roadmap: string; cards: number }[]; seconds: number };
      const byRoadmap = new Map<string, number>();
      for (const { roadmap, cards } of b.reviewed)
        byRoadmap.set(roadmap, (byRoadmap.get(roadmap) ?? 0) + cards);
      return logReviewSessionTime(workspace, byRoadmap, b.seconds * 1000);
    },
  }),
];

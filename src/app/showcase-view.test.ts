import { expect, it } from 'vitest';
import { foldEvents } from '../core/progress/fold.js';
import { showcaseView } from './showcase-view.js';
import { events, node, roadmap } from './view-fixtures.test-helpers.js';

it('lists every certificate and project across roadmaps with status, evidence, link and path', () => {
  const one = roadmap('r', [
    node('p', 'phase', [
      node('a', 'topic'),
      node('cert', 'certificate', [], { links: [{ text: 'Course', url: 'https://example.org/cert' }] }),
    ]),
  ]);
  const two = roadmap('s', [node('proj', 'project')]);
  const log = events(
    { type: 'status', nodeId: 'cert', status: 'done', at: '2026-11-18T10:00:00.000Z' },
    {
      type: 'evidence',
      nodeId: 'cert',
      kind: 'certificate',
      ref: 'https://example.org/verify/1',
      at: '2026-11-18T11:00:00.000Z',
    },
    { type: 'log', roadmapId: 's', nodeId: 'proj', minutes: 120, at: '2026-11-19T10:00:00.000Z' },
  );
  const { items } = showcaseView([one, two], foldEvents(log));
  expect(items).toEqual([
    {
      roadmapId: 'r',
      nodeId: 'cert',
      title: 'Title cert',
      kind: 'certificate',
      status: 'done',
      statusAt: '2026-11-18T10:00:00.000Z',
      evidence: [
        { kind: 'certificate', ref: 'https://example.org/verify/1', at: '2026-11-18T11:00:00.000Z' },
      ],
      url: 'https://example.org/cert',
      path: ['Title p'],
      minutes: 0,
    },
    {
      roadmapId: 's',
      nodeId: 'proj',
      title: 'Title proj',
      kind: 'project',
      status: 'todo',
      evidence: [],
      path: [],
      minutes: 120,
    },
  ]);
});

/** Write routes: the tracking use cases of `waymark start|done|skip|reset|log|note|evidence|undo`. */
import { addEvidence, addNote, logTime, setStatus, undoLastChange } from '../../app/tracking-service.js';
import { route } from '../route.js';
import { evidenceBody, logBody, noteBody, statusBody, undoBody } from '../schemas.js';

export const writeRoutes = [
  route({
    method: 'post',
    path: '/api/status',
    tag: 'tracking',
    body: statusBody,
    status: 201,
    summary: 'Mark items todo, doing, done or skipped, as one change (one undo reverts it)',
    responseDescription: '{ status, items: ["roadmapId:nodeId"], events } as `waymark done --json`',
    handle: ({ workspace, body: b }) => {
      const change = setStatus(workspace, b.items, b.status, {
        ...(b.all !== undefined ? { all: b.all } : {}),
        ...(b.at !== undefined ? { at: b.at } : {}),
        ...(b.force ? { force: true } : {}),
      });
      return {
        status: b.status,
        items: change.items.map((item) => `${item.roadmapId}:${item.node.id}`),
        events: change.events,
        named: change.named.map(({ item, changed, unchanged }) => ({
          item: `${item.roadmapId}:${item.node.id}`,
          changed,
          unchanged,
        })),
      };
    },
  }),
  route({
    method: 'post',
    path: '/api/log',
    tag: 'tracking',
    body: logBody,
    status: 201,
    summary: 'Log study time, optionally on an item',
    responseDescription: 'The recorded log event, as `waymark log --json`',
    handle: ({ workspace, body: b, timeZone }) => {
      return logTime(workspace, b.duration, b.item, {
        ...(b.note ? { note: b.note } : {}),
        ...(b.at !== undefined ? { at: b.at } : {}),
        ...(b.roadmap !== undefined ? { roadmap: b.roadmap } : {}),
        ...(b.force ? { force: true } : {}),
        timeZone,
      }).event;
    },
  }),
  route({
    method: 'post',
    path: '/api/notes',
    tag: 'tracking',
    body: noteBody,
    status: 201,
    summary: 'Add a note to an item',
    responseDescription: 'The recorded note event, as `waymark note --json`',
    handle: ({ workspace, body: b }) => {
      return addNote(workspace, b.item, b.text, {
        ...(b.at !== undefined ? { at: b.at } : {}),
        ...(b.force ? { force: true } : {}),
      }).event;
    },
  }),
  route({
    method: 'post',
    path: '/api/evidence',
    tag: 'tracking',
    body: evidenceBody,
    status: 201,
    summary: 'Attach evidence (certificate, project, commit, link or file) to an item',
    responseDescription: 'The recorded evidence event, as `waymark evidence --json`',
    handle: ({ workspace, body: b }) => {
      return addEvidence(workspace, b.item, b.ref, {
        ...(b.kind ? { kind: b.kind } : {}),
        ...(b.at !== undefined ? { at: b.at } : {}),
        ...(b.force ? { force: true } : {}),
      }).event;
    },
  }),
  route({
    method: 'post',
    path: '/api/undo',
    tag: 'tracking',
    body: undoBody,
    status: 201,
    summary: 'Revert the last change (recorded as a new event; nothing is deleted)',
    responseDescription: '{ undone: events } as `waymark undo --json`',
    handle: ({ workspace, body }) => undoLastChange(workspace, body.change),
  }),
];

/** The learner's corrections of the importer's reading (`waymark exclude|include|kind`). */
import { correctItem } from '../../app/correction-service.js';
import { route } from '../route.js';
import { correctionBody } from '../schemas.js';

export const correctionRoutes = [
  route({
    method: 'post',
    path: '/api/corrections',
    tag: 'tracking',
    body: correctionBody,
    status: 201,
    summary: 'Correct how the importer read an item: work or not, or its kind (one undo reverts it)',
    responseDescription:
      '{ roadmapId, nodeId, title, before {kind, trackable}, after {kind, trackable}, affected, events } as `waymark exclude --json`',
    handle: ({ workspace, body: b }) => {
      if (b.kind !== undefined) return correctItem(workspace, b.item, { type: 'kind', kind: b.kind });
      return correctItem(workspace, b.item, { type: b.work ? 'include' : 'exclude' });
    },
  }),
];

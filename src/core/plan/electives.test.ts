import { describe, expect, it } from 'vitest';
import { importBundled } from '../../testing/load-seed.js';
import type { Node } from '../model/roadmap.js';
import type { Status } from '../progress/events.js';
import { resolveElectives, validateChoice } from './electives.js';

const n = (id: string, extra: Partial<Node> = {}, children: Node[] = []): Node => ({
  id,
  title: id,
  kind: 'topic',
  trackable: true,
  source: { line: 1, endLine: 1 },
  children,
  ...extra,
});
const group = n('G', { kind: 'section', choose: { min: 2, max: 3 } }, [
  n('a'),
  n('b', {}, [n('b1')]),
  n('c'),
  n('d'),
]);
const ids = (nodes: Set<Node>) => [...nodes].map((node) => node.id);
const none = new Map<string, Status>();

describe('resolveElectives', () => {
  it('assumes the first `min` options until the learner chooses', () => {
    const { selections, excluded } = resolveElectives([group], new Map(), none);
    expect(selections[0]).toMatchObject({ groupId: 'G', included: ['a', 'b'], decidedBy: 'assumed' });
    expect(ids(excluded)).toEqual(['c', 'd']);
  });

  it('prefers options the learner already started', () => {
    const { selections } = resolveElectives([group], new Map(), new Map<string, Status>([['b1', 'doing']]));
    expect(selections[0]?.included).toEqual(['a', 'b']);
    const started = resolveElectives(
      [group],
      new Map(),
      new Map<string, Status>([
        ['d', 'done'],
        ['c', 'doing'],
      ]),
    );
    expect(started.selections[0]?.included).toEqual(['c', 'd']);
  });

  it('honours an explicit choice, topping up to the minimum and reporting stale ids', () => {
    const chosen = resolveElectives([group], new Map([['G', ['d', 'c', 'gone']]]), none);
    expect(chosen.selections[0]).toMatchObject({
      included: ['c', 'd'],
      decidedBy: 'choice',
      unknown: ['gone'],
    });
    expect(ids(chosen.excluded)).toEqual(['a', 'b']);
    const short = resolveElectives([group], new Map([['G', ['d']]]), none);
    expect(short.selections[0]?.included).toEqual(['a', 'd']);
  });

  it('uses the options inside a single wrapping section (dev-to-ai-engineer)', () => {
    const { roadmap } = importBundled('dev-to-ai-engineer');
    const { selections } = resolveElectives(roadmap.nodes, new Map(), none);
    expect(selections).toHaveLength(1);
    expect(selections[0]?.included).toEqual(['specialized-areas/application-development/llm-applications']);
  });
});

describe('validateChoice', () => {
  it('throws INPUT for a non-option, too many options, or a non-group', () => {
    expect(() => validateChoice(group, ['a', 'c'])).not.toThrow();
    expect(() => validateChoice(group, ['zz'])).toThrow(/not an option/);
    expect(() => validateChoice(group, ['a', 'b', 'c', 'd'])).toThrow(/at most 3/);
    expect(() => validateChoice(n('x'), ['a'])).toThrow(/not an elective group/);
  });
});

describe('issue 12: optional items and recommendations', () => {
  it('leaves an optional item out until it is started', () => {
    const nodes = [n('w', { kind: 'phase' }, [n('core'), n('extra', { meta: { optional: 'true' } })])];
    expect(ids(resolveElectives(nodes, new Map(), none).excluded)).toEqual(['extra']);
    const started = resolveElectives(nodes, new Map(), new Map([['extra', 'doing']]));
    expect(ids(started.excluded)).toEqual([]);
  });

  it("assumes the author's recommendation before the first options", () => {
    const pick = n('P', { kind: 'section', choose: { min: 1, max: 1 } }, [
      n('a'),
      n('b', { meta: { recommended: 'true' } }),
      n('c'),
    ]);
    expect(resolveElectives([pick], new Map(), none).selections[0]?.included).toEqual(['b']);
  });
});

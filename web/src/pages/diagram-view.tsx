import { useMemo, useState } from 'react';
import type { StatusNode } from '../api/types';
import { percent } from '../format';
import { href } from '../router';
import { type DiagramColumn, diagramColumns, progressClass } from './diagram-model';
import { useNarrowScreen } from './use-narrow-screen';

/**
 * Phases laid out across, in order, with their sections below (diagram-model.ts); a grid of as many columns
 * as the width holds, so it uses the whole box on a desktop and is one vertical list on a phone, where each
 * phase's sections fold behind a button to keep the list of phases short. Each box is a link to its rows in
 * the tree, named by exactly the text it shows.
 */
export function DiagramView({ roadmapId, nodes }: { roadmapId: string; nodes: StatusNode[] }) {
  const columns = useMemo(() => diagramColumns(nodes), [nodes]);
  const narrow = useNarrowScreen();
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(() => new Set());
  if (columns.length === 0) return <p>This roadmap has no phases or sections to draw.</p>;
  const toggle = (id: string) =>
    setUnfolded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="diagram" data-testid="diagram">
      <ol className="diagram-phases" aria-label="Phases in order, with their sections">
        {columns.map((column) => (
          <DiagramPhase
            key={column.node.id}
            roadmapId={roadmapId}
            column={column}
            folded={narrow && !unfolded.has(column.node.id)}
            foldable={narrow}
            onToggle={() => toggle(column.node.id)}
          />
        ))}
      </ol>
    </div>
  );
}

interface DiagramPhaseProps {
  roadmapId: string;
  column: DiagramColumn;
  folded: boolean;
  foldable: boolean;
  onToggle: () => void;
}

function DiagramPhase({ roadmapId, column, folded, foldable, onToggle }: DiagramPhaseProps) {
  const listId = `diagram-sections-${column.node.id}`;
  const count = column.sections.length;
  return (
    <li className={`diagram-phase ${progressClass(column.node)}`}>
      <DiagramBox roadmapId={roadmapId} node={column.node} depth={0} />
      {foldable && count > 0 && (
        <button
          type="button"
          className="diagram-fold"
          aria-expanded={!folded}
          {...(folded ? {} : { 'aria-controls': listId })}
          onClick={onToggle}
        >
          <span aria-hidden="true">{folded ? '▸' : '▾'}</span>{' '}
          {count === 1 ? '1 section' : `${count} sections`}
          <span className="visually-hidden"> in {column.node.title}</span>
        </button>
      )}
      {count > 0 && !folded && (
        <ul className="diagram-sections" id={listId}>
          {column.sections.map((section) => (
            <li key={section.node.id}>
              <DiagramBox roadmapId={roadmapId} node={section.node} depth={1} />
              {section.sections.length > 0 && (
                <ul className="diagram-sections diagram-subsections">
                  {section.sections.map((sub) => (
                    <li key={sub.id}>
                      <DiagramBox roadmapId={roadmapId} node={sub} depth={2} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function DiagramBox({ roadmapId, node, depth }: { roadmapId: string; node: StatusNode; depth: number }) {
  const ratio = node.effortTotal > 0 ? node.effortDone / node.effortTotal : 0;
  return (
    <a
      className={`diagram-box ${progressClass(node)} depth-${depth}`}
      href={href('roadmap', [roadmapId], { item: node.id })}
    >
      <span className="diagram-title">{node.title}</span>{' '}
      <span className="diagram-count">
        {node.done}/{node.total} done · {percent(ratio)} by effort
      </span>
      <span className="diagram-bar">
        <span className="diagram-fill" style={{ width: `${Math.round(ratio * 1000) / 10}%` }} />
      </span>
    </a>
  );
}

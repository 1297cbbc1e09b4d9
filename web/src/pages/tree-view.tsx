import { type KeyboardEvent, memo, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { STATUSES, type Status, type StatusNode } from '../api/types';
import { useAction } from '../api/use-api';
import { formatMinutes, STATUS_LABEL } from '../format';
import { allParentIds, ancestorsOf, isFiltering, type Row, type TreeFilter, visibleRows } from './tree-model';

interface TreeViewProps {
  roadmapId: string;
  nodes: StatusNode[];
  selected: string | undefined;
  onSelect: (nodeId: string) => void;
}

/**
 * The full roadmap as a WAI-ARIA tree: one tab stop, arrows move, Right/Left expand and collapse,
 * Enter opens an item (and toggles its children), Space marks it done or not done.
 */
export function TreeView({ roadmapId, nodes, selected, onSelect }: TreeViewProps) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [filter, setFilter] = useState<TreeFilter>({ text: '', status: 'all' });
  const [focusId, setFocusId] = useState<string | undefined>(selected);
  const { run } = useAction();
  const listRef = useRef<HTMLDivElement>(null);

  // Reveal the selected item (from a link or the diagram) by expanding its ancestors.
  useEffect(() => {
    if (!selected) return;
    const path = ancestorsOf(nodes, selected);
    if (!path) return;
    setExpanded((current) =>
      path.every((id) => current.has(id)) ? current : new Set([...current, ...path]),
    );
    setFocusId(selected);
  }, [selected, nodes]);

  const rows = useMemo(() => visibleRows(nodes, expanded, filter), [nodes, expanded, filter]);
  const focusIndex = Math.max(
    0,
    rows.findIndex((row) => row.node.id === focusId),
  );

  const toggleExpanded = (id: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  // Optimistic status: the row shows the new status at once; fresh data from the server replaces it.
  const [pending, setPending] = useState<ReadonlyMap<string, Status>>(() => new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: new `nodes` means the server's answer arrived
  useEffect(() => setPending(new Map()), [nodes]);
  const setStatus = async (node: StatusNode, status: Status) => {
    setPending((current) => new Map(current).set(node.id, status));
    const result = await run(() => api.post('/api/status', { items: [`${roadmapId}:${node.id}`], status }));
    if (result === undefined)
      setPending((current) => {
        const next = new Map(current);
        next.delete(node.id);
        return next;
      });
  };
  const statusOf = (node: StatusNode) => pending.get(node.id) ?? node.status;

  const moveFocus = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setFocusId(row.node.id);
    listRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(row.node.id)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).getAttribute('role') !== 'treeitem') return;
    const row = rows[focusIndex];
    if (!row) return;
    const open = isFiltering(filter) || expanded.has(row.node.id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveFocus(focusIndex + 1);
        break;
      case 'ArrowUp':
        moveFocus(focusIndex - 1);
        break;
      case 'Home':
        moveFocus(0);
        break;
      case 'End':
        moveFocus(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.hasChildren && !open) toggleExpanded(row.node.id, true);
        else if (row.hasChildren) moveFocus(focusIndex + 1);
        break;
      case 'ArrowLeft':
        if (row.hasChildren && open && !isFiltering(filter)) toggleExpanded(row.node.id, false);
        else if (row.parentId) moveFocus(rows.findIndex((r) => r.node.id === row.parentId));
        break;
      case 'Enter':
        onSelect(row.node.id);
        if (row.hasChildren) toggleExpanded(row.node.id);
        break;
      case ' ':
        if (row.node.trackable) void setStatus(row.node, statusOf(row.node) === 'done' ? 'todo' : 'done');
        else if (row.hasChildren) toggleExpanded(row.node.id);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <div className="tree-panel">
      <div className="tree-tools">
        <label>
          Filter
          <input
            type="search"
            value={filter.text}
            placeholder="title or id"
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          />
        </label>
        <label>
          Status
          <select
            value={filter.status}
            onChange={(event) => setFilter({ ...filter, status: event.target.value as Status | 'all' })}
          >
            <option value="all">All</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setExpanded(new Set(allParentIds(nodes)))}>
          Expand all
        </button>
        <button type="button" onClick={() => setExpanded(new Set())}>
          Collapse all
        </button>
      </div>
      <p className="muted small" id="tree-help">
        {rows.length} rows. Arrow keys move, Right/Left open and close, Enter shows details, Space marks done.
      </p>
      {rows.length === 0 && <p>No item matches the filter.</p>}
      <div
        className="tree"
        role="tree"
        aria-label="Roadmap items"
        aria-describedby="tree-help"
        ref={listRef}
        onKeyDown={onKeyDown}
      >
        {rows.map((row, index) => (
          <TreeRow
            key={row.node.id}
            row={row}
            status={statusOf(row.node)}
            open={isFiltering(filter) || expanded.has(row.node.id)}
            focusable={index === focusIndex}
            selected={row.node.id === selected}
            onToggle={() => toggleExpanded(row.node.id)}
            onSelect={() => {
              setFocusId(row.node.id);
              onSelect(row.node.id);
            }}
            onStatus={(status) => setStatus(row.node, status)}
          />
        ))}
      </div>
    </div>
  );
}

interface TreeRowProps {
  row: Row;
  status: Status;
  open: boolean;
  focusable: boolean;
  selected: boolean;
  onToggle: () => void;
  onSelect: () => void;
  onStatus: (status: Status) => void;
}

const TreeRow = memo(function TreeRow({
  row,
  status,
  open,
  focusable,
  selected,
  onToggle,
  onSelect,
  onStatus,
}: TreeRowProps) {
  const { node } = row;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the tree's onKeyDown handles Enter and Space for the focused row
    <div
      role="treeitem"
      data-id={node.id}
      data-status={status}
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={row.hasChildren ? open : undefined}
      aria-selected={selected}
      tabIndex={focusable ? 0 : -1}
      className={`tree-row status-${status}${selected ? ' selected' : ''}`}
      style={{ paddingInlineStart: `${(row.level - 1) * 1.1}rem` }}
      onClick={onSelect}
    >
      {row.hasChildren ? (
        <button
          type="button"
          className="twisty"
          tabIndex={-1}
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            onToggle();
          }}
        >
          {open ? '▾' : '▸'}
        </button>
      ) : (
        <span className="twisty" />
      )}
      {node.trackable ? (
        <input
          type="checkbox"
          tabIndex={-1}
          checked={status === 'done' || status === 'skipped'}
          aria-label={`Done: ${node.title}`}
          onClick={(event) => event.stopPropagation()}
          onChange={(event) => onStatus(event.target.checked ? 'done' : 'todo')}
        />
      ) : (
        <span className="check-gap" />
      )}
      <span className="tree-title">{node.title}</span>
      <span className="tree-meta">
        {status === 'doing' && <span className="badge doing">in progress</span>}
        {status === 'skipped' && <span className="badge">skipped</span>}
        {row.hasChildren && node.total > 0 && (
          <span className="muted small">
            {node.done}/{node.total}
          </span>
        )}
        {node.minutes > 0 && <span className="muted small">{formatMinutes(node.minutes)}</span>}
      </span>
    </div>
  );
});

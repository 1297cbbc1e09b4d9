import { type KeyboardEvent, memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { STATUSES, type Status, type StatusNode } from '../api/types';
import { ActionError } from '../components/action-error';
import { formatMinutes, STATUS_LABEL } from '../format';
import { useRoadmapChanges } from './roadmap-changes';
import { type BoxState, boxState, toggledStatus } from './status-change-model';
import { allParentIds, ancestorsOf, isFiltering, type Row, type TreeFilter, visibleRows } from './tree-model';

interface TreeViewProps {
  nodes: StatusNode[];
  selected: string | undefined;
  /** Opens a row: selects it; `details` asks for its details even on a phone (Enter, the Details button). */
  onOpen: (nodeId: string, details: boolean) => void;
  /** Phone layout: rows get a Details button, Enter opens the details sheet. */
  narrow: boolean;
  /** The status filter to open with (`?status=doing` from the Overview's "and N more"). */
  initialStatus?: TreeFilter['status'];
}

/**
 * The full roadmap as a WAI-ARIA tree: one tab stop, arrows move, Right/Left expand and collapse, Enter (or a
 * tap on a phone) opens a row and opens or closes its children, a click selects it, Space ticks or unticks the row's box in the
 * direction it shows (status-change-model.ts), asking first when that changes several items.
 */
export function TreeView({ nodes, selected, onOpen, narrow, initialStatus }: TreeViewProps) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [filter, setFilter] = useState<TreeFilter>({ text: '', status: initialStatus ?? 'all' });
  const [focusId, setFocusId] = useState<string | undefined>(selected);
  const { requestStatus, statusOf, statusError } = useRoadmapChanges();
  const listRef = useRef<HTMLDivElement>(null);
  // The last selection made from the tree itself; any other (a diagram box, a link) also opens the node.
  const openedHere = useRef<string | undefined>(undefined);

  // Reveal the selected item (from a link or the diagram) by expanding its ancestors, and itself when it came
  // from elsewhere (a phase picked in the diagram shows its sections).
  useEffect(() => {
    if (!selected) return;
    const path = ancestorsOf(nodes, selected);
    if (!path) return;
    const open = openedHere.current === selected ? path : [...path, selected];
    setExpanded((current) =>
      open.every((id) => current.has(id)) ? current : new Set([...current, ...open]),
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

  /** Opens a row (its details), and with `toggle` opens or closes its children too. */
  const open = (row: Row, details: boolean, toggle = true) => {
    openedHere.current = row.node.id;
    setFocusId(row.node.id);
    onOpen(row.node.id, details);
    if (toggle && row.hasChildren) toggleExpanded(row.node.id);
  };
  /** The box's one rule: a ticked box unticks (to do), any other ticks (done). */
  const toggleBox = (node: StatusNode) => requestStatus(node, toggledStatus(boxState(node, statusOf(node))));

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
    const isOpen = isFiltering(filter) || expanded.has(row.node.id);
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
        if (row.hasChildren && !isOpen) toggleExpanded(row.node.id, true);
        else if (row.hasChildren) moveFocus(focusIndex + 1);
        break;
      case 'ArrowLeft':
        if (row.hasChildren && isOpen && !isFiltering(filter)) toggleExpanded(row.node.id, false);
        else if (row.parentId) moveFocus(rows.findIndex((r) => r.node.id === row.parentId));
        break;
      case 'Enter':
        open(row, narrow);
        break;
      case ' ':
        if (row.node.trackable) toggleBox(row.node);
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
        {rows.length} rows. Arrow keys move, Right/Left open and close, Enter{' '}
        {narrow ? 'shows details' : 'opens'}. Space or a click on the box follows the box: an unticked row
        becomes done, a ticked one goes back to to do; a row holding several items asks first, and every
        change can be undone.
      </p>
      <ActionError error={statusError} />
      {rows.length === 0 && <p>No item matches the filter.</p>}
      <div
        className="tree"
        role="tree"
        aria-label="Roadmap items"
        aria-describedby="tree-help"
        ref={listRef}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // Focus put on a row by a click, a tap or an Undo makes it the tree's one tab stop.
          const id = (event.target as HTMLElement).closest('[role="treeitem"]')?.getAttribute('data-id');
          if (id && id !== focusId) setFocusId(id);
        }}
      >
        {rows.map((row, index) => {
          const status = statusOf(row.node);
          return (
            <TreeRow
              key={row.node.id}
              row={row}
              status={status}
              box={row.node.trackable ? boxState(row.node, status) : undefined}
              open={isFiltering(filter) || expanded.has(row.node.id)}
              focusable={index === focusIndex}
              selected={row.node.id === selected}
              narrow={narrow}
              onToggle={() => toggleExpanded(row.node.id)}
              // A tap on a phone also opens or closes the row's children (the twisty is a small target
              // there); a desktop click only selects, the twisty and the arrow keys open and close.
              onOpen={() => open(row, false, narrow)}
              onDetails={() => open(row, true, false)}
              onBox={() => toggleBox(row.node)}
            />
          );
        })}
      </div>
    </div>
  );
}

interface TreeRowProps {
  row: Row;
  status: Status;
  /** What the row's box shows; undefined when the row has none (not trackable). */
  box: BoxState | undefined;
  open: boolean;
  focusable: boolean;
  selected: boolean;
  narrow: boolean;
  onToggle: () => void;
  onOpen: () => void;
  onDetails: () => void;
  onBox: () => void;
}

const TreeRow = memo(function TreeRow({
  row,
  status,
  box,
  open,
  focusable,
  selected,
  narrow,
  onToggle,
  onOpen,
  onDetails,
  onBox,
}: TreeRowProps) {
  const { node } = row;
  const checkbox = useRef<HTMLInputElement>(null);
  // The row is named by its title and count, not by everything in it (the box's label, the Details button).
  const nameId = useId();
  useEffect(() => {
    if (checkbox.current) checkbox.current.indeterminate = box === 'mixed';
  }, [box]);
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
      aria-checked={box}
      aria-labelledby={`${nameId}-title ${nameId}-count`}
      tabIndex={focusable ? 0 : -1}
      className={`tree-row status-${status}${selected ? ' selected' : ''}`}
      style={{ paddingInlineStart: `${(row.level - 1) * (narrow ? 0.7 : 1.1)}rem` }}
      onClick={onOpen}
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
      {box ? (
        <input
          ref={checkbox}
          type="checkbox"
          tabIndex={-1}
          checked={box === 'true'}
          aria-label={`Done: ${node.title}`}
          onClick={(event) => event.stopPropagation()}
          // Controlled: the box only moves once the change is made (a parent asks first).
          onChange={onBox}
        />
      ) : (
        <span className="check-gap" />
      )}
      <span className="tree-title" id={`${nameId}-title`}>
        {node.title}
      </span>
      <span className="tree-meta" id={`${nameId}-count`}>
        {status === 'doing' && <span className="badge doing">in progress</span>}
        {status === 'skipped' && <span className="badge">skipped</span>}
        {row.hasChildren && node.total > 0 && (
          <span className="muted small">
            {node.done}/{node.total}
          </span>
        )}
        {node.minutes > 0 && <span className="muted small">{formatMinutes(node.minutes)}</span>}
      </span>
      {narrow && row.hasChildren && (
        <button
          type="button"
          className="row-details"
          tabIndex={-1}
          onClick={(event) => {
            event.stopPropagation();
            onDetails();
          }}
        >
          Details<span className="visually-hidden"> for {node.title}</span>
        </button>
      )}
    </div>
  );
});

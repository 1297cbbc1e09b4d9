import { useEffect, useRef, useState } from 'react';
import { enc } from '../api/client';
import type { RoadmapStatus, RoadmapSummary, Status } from '../api/types';
import { type Resource, useApi } from '../api/use-api';
import { ModalDialog } from '../components/modal-dialog';
import { ProgressBar } from '../components/progress-bar';
import { LoadState } from '../components/status-view';
import { formatMinutes, percent } from '../format';
import { usePageTitle } from '../page-title';
import { href, navigate } from '../router';
import { DiagramView } from './diagram-view';
import { ItemDetailPanel } from './item-detail';
import { RoadmapChangesProvider, UndoLastChange } from './roadmap-changes';
import { findNode } from './status-change-model';
import { TreeView } from './tree-view';
import { useNarrowScreen } from './use-narrow-screen';

interface RoadmapPageProps {
  roadmapId: string | undefined;
  view: 'tree' | 'diagram';
  selected: string | undefined;
  /** `?status=doing`: the tree opens filtered to that status. */
  statusFilter?: Status | undefined;
}

export function RoadmapPage({ roadmapId, view, selected, statusFilter }: RoadmapPageProps) {
  const roadmaps = useApi<RoadmapSummary[]>('/api/roadmaps');
  const id = roadmapId ?? roadmaps.data?.[0]?.id;
  const tree = useApi<RoadmapStatus>(id ? `/api/roadmaps/${enc(id)}/tree` : null);
  const status = tree.data?.id === id ? tree.data : undefined;
  usePageTitle(status?.title, 'Roadmap');
  if (!id) {
    return (
      <>
        <h1>Roadmap</h1>
        <LoadState loading={roadmaps.loading} error={roadmaps.error} what="roadmaps" />
        {roadmaps.data?.length === 0 && <p>No roadmap imported yet.</p>}
      </>
    );
  }
  return (
    // Keyed by roadmap: "Undo last change" is about this roadmap's page only.
    <RoadmapChangesProvider key={id} roadmapId={id} nodes={status?.nodes}>
      <RoadmapBody
        id={id}
        roadmaps={roadmaps.data}
        status={status}
        tree={tree}
        view={view}
        selected={selected}
        statusFilter={statusFilter}
      />
    </RoadmapChangesProvider>
  );
}

interface RoadmapBodyProps {
  id: string;
  roadmaps: RoadmapSummary[] | undefined;
  status: RoadmapStatus | undefined;
  tree: Resource<RoadmapStatus>;
  view: 'tree' | 'diagram';
  selected: string | undefined;
  statusFilter: Status | undefined;
}

function RoadmapBody({ id, roadmaps, status, tree, view, selected, statusFilter }: RoadmapBodyProps) {
  const narrow = useNarrowScreen();
  // On a phone the details are a bottom sheet over the tree, open for this node id. An item (a row without
  // children) opens it when selected by any means; a parent expands instead, its Details button opens it.
  const [sheetFor, setSheetFor] = useState<string>();
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!status || seen.current === selected) return;
    seen.current = selected;
    if (findNode(status.nodes, selected)?.children.length === 0) setSheetFor(selected);
  }, [selected, status]);

  const openNode = (nodeId: string, details: boolean) => {
    seen.current = nodeId;
    navigate(href('roadmap', [id], { item: nodeId, ...(view === 'diagram' ? { view } : {}) }));
    if (details || (status && findNode(status.nodes, nodeId)?.children.length === 0)) setSheetFor(nodeId);
  };
  const sheetOpen = narrow && selected !== undefined && sheetFor === selected;
  const panelShown = selected !== undefined && (!narrow || sheetOpen);
  const treeNode = status ? findNode(status.nodes, selected) : undefined;

  return (
    <>
      <div className="page-head">
        <h1>{status?.title ?? 'Roadmap'}</h1>
        <label>
          Roadmap
          <select value={id} onChange={(event) => navigate(href('roadmap', [event.target.value]))}>
            {(roadmaps ?? [{ id, title: id }]).map((roadmap) => (
              <option key={roadmap.id} value={roadmap.id}>
                {roadmap.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status && (
        <div className="summary-line">
          <span data-testid="tree-progress">
            {status.progress.done}/{status.progress.total} items · {percent(status.progress.effortRatio)} by
            effort · {formatMinutes(status.minutes)} logged
          </span>
          <ProgressBar ratio={status.progress.effortRatio} label="Progress by effort" />
        </div>
      )}
      <nav className="tabs" aria-label="Roadmap views">
        <a
          className="tab"
          href={href('roadmap', [id], { item: selected })}
          aria-current={view === 'tree' ? 'page' : undefined}
        >
          Tree
        </a>
        <a
          className="tab"
          href={href('roadmap', [id], { view: 'diagram', item: selected })}
          aria-current={view === 'diagram' ? 'page' : undefined}
        >
          Diagram
        </a>
      </nav>
      {/* The item panel carries its own Undo; without it in sight, the page offers it here. */}
      {!panelShown && <UndoLastChange />}
      {!status ? (
        <LoadState loading={tree.loading} error={tree.error} what="the roadmap" />
      ) : (
        <div className={selected && !narrow ? 'split' : undefined}>
          {view === 'diagram' ? (
            <DiagramView roadmapId={id} nodes={status.nodes} />
          ) : (
            <TreeView
              nodes={status.nodes}
              selected={selected}
              onOpen={openNode}
              narrow={narrow}
              {...(statusFilter ? { initialStatus: statusFilter } : {})}
            />
          )}
          {selected && !narrow && (
            <ItemDetailPanel key={`${id}:${selected}`} roadmapId={id} nodeId={selected} treeNode={treeNode} />
          )}
        </div>
      )}
      {sheetOpen && (
        <ModalDialog labelledBy="detail-title" className="sheet" onClose={() => setSheetFor(undefined)}>
          <div className="sheet-head">
            <button type="button" onClick={() => setSheetFor(undefined)}>
              Close
            </button>
          </div>
          <ItemDetailPanel
            key={`${id}:${selected}`}
            roadmapId={id}
            nodeId={selected}
            treeNode={treeNode}
            inSheet
          />
        </ModalDialog>
      )}
    </>
  );
}

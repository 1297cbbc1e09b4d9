import { enc } from '../api/client';
import type { RoadmapStatus, RoadmapSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { ProgressBar } from '../components/progress-bar';
import { LoadState } from '../components/status-view';
import { formatMinutes, percent } from '../format';
import { href, navigate } from '../router';
import { DiagramView } from './diagram-view';
import { ItemDetailPanel } from './item-detail';
import { TreeView } from './tree-view';

interface RoadmapPageProps {
  roadmapId: string | undefined;
  view: 'tree' | 'diagram';
  selected: string | undefined;
}

export function RoadmapPage({ roadmapId, view, selected }: RoadmapPageProps) {
  const roadmaps = useApi<RoadmapSummary[]>('/api/roadmaps');
  const id = roadmapId ?? roadmaps.data?.[0]?.id;
  const tree = useApi<RoadmapStatus>(id ? `/api/roadmaps/${enc(id)}/tree` : null);
  if (!id) {
    return (
      <>
        <h1>Roadmap</h1>
        <LoadState loading={roadmaps.loading} error={roadmaps.error} what="roadmaps" />
        {roadmaps.data?.length === 0 && <p>No roadmap imported yet.</p>}
      </>
    );
  }
  const status = tree.data?.id === id ? tree.data : undefined;
  const select = (nodeId: string) =>
    navigate(href('roadmap', [id], { item: nodeId, ...(view === 'diagram' ? { view } : {}) }));
  return (
    <>
      <div className="page-head">
        <h1>{status?.title ?? 'Roadmap'}</h1>
        <label>
          Roadmap
          <select value={id} onChange={(event) => navigate(href('roadmap', [event.target.value]))}>
            {(roadmaps.data ?? [{ id, title: id }]).map((roadmap) => (
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
      {!status ? (
        <LoadState loading={tree.loading} error={tree.error} what="the roadmap" />
      ) : (
        <div className={selected ? 'split' : undefined}>
          {view === 'diagram' ? (
            <DiagramView roadmapId={id} nodes={status.nodes} />
          ) : (
            <TreeView roadmapId={id} nodes={status.nodes} selected={selected} onSelect={select} />
          )}
          {selected && <ItemDetailPanel key={`${id}:${selected}`} roadmapId={id} nodeId={selected} />}
        </div>
      )}
    </>
  );
}

import { useApi } from '../api/use-api';
import { SafeLink } from '../components/safe-link';
import { LoadState } from '../components/status-view';
import { dateOf, STATUS_LABEL } from '../format';
import { href } from '../router';

export function ShowcasePage() {
  const showcase = useApi('/api/showcase');
  const items = showcase.data?.items ?? [];
  return (
    <>
      <h1>Certificates &amp; projects</h1>
      <LoadState
        loading={showcase.loading && !showcase.data}
        error={showcase.error}
        what="certificates and projects"
      />
      {showcase.data && items.length === 0 && <p>No certificate or project in your roadmaps.</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Every certificate and project across roadmaps</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Kind</th>
                <th scope="col">Roadmap</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.roadmapId}:${item.nodeId}`}>
                  <td>
                    <a href={href('roadmap', [item.roadmapId], { item: item.nodeId })}>{item.title}</a>
                    {item.url && (
                      <>
                        {' '}
                        <SafeLink url={item.url}>(link)</SafeLink>
                      </>
                    )}
                  </td>
                  <td>{item.kind}</td>
                  <td>{item.roadmapId}</td>
                  <td className={`status-${item.status}`}>{STATUS_LABEL[item.status] ?? item.status}</td>
                  <td>{dateOf(item.statusAt)}</td>
                  <td>
                    {item.evidence.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul className="plain">
                        {item.evidence.map((entry) => (
                          <li key={`${entry.at}-${entry.ref}`}>
                            <SafeLink url={entry.ref}>{entry.ref}</SafeLink>{' '}
                            <span className="muted small">
                              {entry.kind} · {dateOf(entry.at)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import { useApi } from '../api/use-api';

/** "Roadmap: All roadmaps | …": narrows a page to one roadmap; the empty value means all of them. */
export function RoadmapPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const roadmaps = useApi('/api/roadmaps');
  return (
    <label>
      Roadmap
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All roadmaps</option>
        {roadmaps.data?.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.title}
          </option>
        ))}
      </select>
    </label>
  );
}

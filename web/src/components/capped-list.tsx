import type { ReactNode } from 'react';

/**
 * An inline list that shows its first `shown` entries and then "and N more" (a link to where all of them
 * are), so a roadmap with 500 items in progress stays one short line.
 */
export function CappedList<T extends { id: string }>({
  items,
  shown,
  render,
  more,
  labelledBy,
}: {
  items: readonly T[];
  shown: number;
  render: (item: T) => ReactNode;
  more: (count: number) => ReactNode;
  labelledBy?: string;
}) {
  const visible = items.slice(0, shown);
  const rest = items.length - visible.length;
  return (
    <ul className="inline-list" aria-labelledby={labelledBy}>
      {visible.map((item) => (
        <li key={item.id}>{render(item)}</li>
      ))}
      {rest > 0 && (
        <li className="inline-list-more" data-testid="more">
          {more(rest)}
        </li>
      )}
    </ul>
  );
}

import type { ReactNode } from 'react';
import { safeUrl } from '../format';

/** An external link only for http(s) URLs; other schemes render as inert text. */
export function SafeLink({ url, children }: { url: string | undefined; children?: ReactNode }) {
  const safe = safeUrl(url);
  if (!safe) return <span className="inert-link">{children ?? url}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children ?? safe}
    </a>
  );
}

import { useEffect, useState } from 'react';

/** The phone layout's breakpoint; the same width as the `@media (max-width: 760px)` rules in styles.css. */
export const NARROW_QUERY = '(max-width: 760px)';

/** True while the viewport is phone-sized (follows rotation and window resizes). */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia?.(NARROW_QUERY).matches ?? false);
  useEffect(() => {
    const media = window.matchMedia?.(NARROW_QUERY);
    if (!media) return;
    const onChange = () => setNarrow(media.matches);
    onChange();
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

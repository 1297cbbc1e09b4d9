import { useEffect } from 'react';

export const APP_NAME = 'Waymark';

/** "Today · Waymark", "AI Engineer · Roadmap · Waymark": every route names its tab and its history entry. */
export function pageTitle(...parts: (string | undefined)[]): string {
  return [...parts.filter((part): part is string => Boolean(part)), APP_NAME].join(' · ');
}

/** Sets the document title while the page shows (a page with its own subject, e.g. a roadmap, refines it). */
export function usePageTitle(...parts: (string | undefined)[]): void {
  const title = pageTitle(...parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

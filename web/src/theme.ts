import { useEffect, useLayoutEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'waymark-theme';

function readChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

const systemDark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

/** Sets the theme before the first render, so a dark-mode user never sees a light flash. */
export function applyInitialTheme(): void {
  const choice = readChoice();
  document.documentElement.dataset.theme = choice === 'system' ? (systemDark() ? 'dark' : 'light') : choice;
}

/** Follows the system setting until the user picks a theme; the pick is kept in localStorage. */
export function useTheme() {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  const [dark, setDark] = useState(systemDark);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const effective = choice === 'system' ? (dark ? 'dark' : 'light') : choice;
  // A layout effect: it runs before any page's effects, so a chart that redraws for the new theme reads
  // the new theme's colours (with a plain effect the children ran first and drew in the old palette).
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = effective;
  }, [effective]);
  useEffect(() => {
    try {
      if (choice === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Storage may be disabled; the theme then lasts for this visit only.
    }
  }, [choice]);
  return { choice, effective, setChoice };
}

const documentTheme = () => document.documentElement.dataset.theme ?? 'light';

/**
 * The theme the document shows now (`data-theme` on <html>), followed live. Components that paint with
 * colours read from CSS (canvas charts) redraw when it changes, whoever changed it.
 */
export function useDocumentTheme(): string {
  const [theme, setTheme] = useState(documentTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(documentTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    setTheme(documentTheme());
    return () => observer.disconnect();
  }, []);
  return theme;
}

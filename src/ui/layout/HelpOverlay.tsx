/**
 * The `?` overlay listing keyboard shortcuts and how to read the app (HelpCard, loaded the
 * first time it opens).
 */
import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/index';

const HelpCard = lazy(() => import('./HelpCard').then((m) => ({ default: m.HelpCard })));

/** Returns the shortcuts overlay (rendered only while open). */
export function HelpOverlay() {
  const open = useAppStore((s) => s.helpOpen);
  return open ? (
    <Suspense fallback={null}>
      <HelpCard />
    </Suspense>
  ) : null;
}

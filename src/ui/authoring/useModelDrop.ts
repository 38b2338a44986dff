/**
 * A `.yaml` model dropped anywhere on the page opens in the editor (and, when the page was
 * opened by a link whose model did not fit in it, that link's run opens with it).
 */
import { useEffect } from 'react';

const isModel = (file: File) => /\.ya?ml$/i.test(file.name) || /yaml/.test(file.type);

/** Wires dropping a model file onto the page for the lifetime of the app. */
export function useModelDrop(): void {
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const file = [...(event.dataTransfer?.files ?? [])].find(isModel);
      if (!file) return;
      event.preventDefault();
      // The authoring client is fetched on the first drop.
      void import('./authoredClient').then((m) => m.openFile(file));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

/**
 * Entry point of `npm run interleave -- …`: the CLI (src/cli) with the diagram renderer from
 * src/ui for `export --format svg` (with the diagram's font inlined), which the CLI's own layer
 * may not import.
 */
import { main } from './cli/main';
import { diagramFontFromDisk } from './ui/export/fontFile';
import { diagramSvg } from './ui/export/svg';

process.exitCode = main(process.argv.slice(2), {
  renderSvg: (input) => diagramSvg({ ...input, font: diagramFontFromDisk() }),
});

/**
 * Entry point of `npm run interleave -- …`: the CLI (src/cli) with the diagram renderer from
 * src/ui for `export --format svg`, which the CLI's own layer may not import.
 */
import { main } from './cli/main';
import { diagramSvg } from './ui/export/svg';

process.exitCode = main(process.argv.slice(2), { renderSvg: diagramSvg });

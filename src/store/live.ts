/**
 * The model with the default scenario at hand, as `./model` loads it after the default page's
 * first paint (the store's first state is the default scenario's, and its fallback). A link to
 * another scenario installs `./liveModel` alone before its first render (main.tsx), and the
 * default scenario is loaded when asked for (scenarios/catalog.ts).
 */
import { cacheAside } from '../scenarios/cacheAside';
import { registerBuiltIn } from '../scenarios/registry';
import { LIVE } from './liveModel';

registerBuiltIn(cacheAside);

export { LIVE };
export type { LiveModel } from './liveModel';

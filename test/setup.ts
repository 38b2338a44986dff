/**
 * Unit tests run with the model at hand, as the page runs once it has loaded after the first
 * paint (see src/store/model.ts).
 */
import { LIVE } from '../src/store/live';
import { installModel } from '../src/store/model';

installModel(LIVE);

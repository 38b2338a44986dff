/**
 * Reading a link's packed fields (a packed schedule, `z=`; the notes, `a=`): fflate's inflate,
 * loaded by the page only with a link that has them (see `./linkRead`).
 */
import { decodeAnnotations } from './annotations';
import { unpackChecked } from './indices';
import type { PackedFields } from './linkRead';

export const PACKED_FIELDS: PackedFields = {
  unpack: (packed) => unpackChecked(packed),
  annotations: decodeAnnotations,
};

/**
 * Whether the diagram paints its own background (row bands, the header strip): on by default,
 * off for a transparent export.
 */
import { createContext } from 'react';

export const OpaqueBackdrop = createContext(true);

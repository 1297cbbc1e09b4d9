/**
 * Names the effort weights of cached status views (see effort.ts): bump it when the weights change. Its
 * own module so that reading a cached status does not load the effort estimate.
 */
export const EFFORT_MODEL = 'effort-v2';

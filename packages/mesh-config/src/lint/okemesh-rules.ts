import type { Analyzer } from './context.js';

/** okemesh's own multicluster rules run per cluster (OKM codes). */
export const okemeshRules: readonly Analyzer[] = [];

/** okemesh rules that compare clusters. */
export const crossClusterRules: readonly Analyzer[] = [];

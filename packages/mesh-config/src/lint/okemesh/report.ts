import type { AnalysisContext, FieldPath } from '../context.js';
import type { LintResource } from '../resource.js';
import { okmRules, type OkmCode } from './codes.js';

/** Reports an okemesh rule finding with the rule's level. */
export function okm(
  ctx: AnalysisContext,
  code: OkmCode,
  resource: LintResource,
  message: string,
  hint: string,
  path: FieldPath = [],
): void {
  ctx.report({ code, resource, message, level: okmRules[code].level, path, hint });
}

export const dns1123Label = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

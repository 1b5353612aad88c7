export {};

export { validateIstioStrict } from "./lint/schema/strict-validator.js";
export type { SchemaViolation, SchemaViolationKind } from "./lint/schema/schema-violation.js";

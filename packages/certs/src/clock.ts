/** The source of "now". Pure functions take a `Date`; the edges (CLI, store) take a Clock so tests can pin time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days from `now` until `until` (negative once past). */
export function daysBetween(now: Date, until: Date): number {
  return Math.floor((until.getTime() - now.getTime()) / DAY_MS);
}

import { defineProject } from 'vitest/config';
import { packageProject } from '../../vitest.shared.js';

// Drills measure time (outages, RTO, scheduling jitter): run them after every other project has
// finished, so the whole-suite run does not starve their probers of CPU.
export default defineProject(packageProject('drills', { sequence: { groupOrder: 1 } }));

import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { iso, now } from '../clock.js';
import { DrillError } from '../errors.js';
import type { DrillResult, PhaseMark } from '../report/result.js';
import type { Mutation, MutationState, RevertAction } from './mutation.js';

export type JournalStatus =
  'running' | 'reverting' | 'completed' | 'aborted' | 'failed' | 'error' | 'recovered';

/** The drill journal: written before every mutation, so a crash leaves enough to revert (`drill recover`). */
export interface JournalData {
  readonly apiVersion: 'okemesh.io/v1alpha1';
  readonly kind: 'DrillJournal';
  readonly id: string;
  readonly drill: string;
  readonly scenario: string | null;
  readonly topology: string;
  readonly dryRun: boolean;
  readonly pid: number;
  status: JournalStatus;
  readonly startedAt: string;
  updatedAt: string;
  readonly phases: PhaseMark[];
  readonly plan: string[];
  readonly mutations: Mutation[];
  readonly warnings: string[];
  result?: DrillResult;
}

export interface JournalInit {
  readonly drill: string;
  readonly scenario: string | null;
  readonly topology: string;
  readonly dryRun: boolean;
  readonly id?: string;
}

/** The journal file; every change is persisted (write to a temp file, then rename) before the call returns. */
export class Journal {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    readonly data: JournalData,
  ) {}

  static async create(path: string, init: JournalInit): Promise<Journal> {
    const journal = new Journal(path, {
      apiVersion: 'okemesh.io/v1alpha1',
      kind: 'DrillJournal',
      id: init.id ?? randomUUID().slice(0, 8),
      drill: init.drill,
      scenario: init.scenario,
      topology: init.topology,
      dryRun: init.dryRun,
      pid: process.pid,
      status: 'running',
      startedAt: iso(now()),
      updatedAt: iso(now()),
      phases: [],
      plan: [],
      mutations: [],
      warnings: [],
    });
    await journal.flush();
    return journal;
  }

  static async load(path: string): Promise<Journal> {
    let data: JournalData;
    try {
      data = JSON.parse(await readFile(path, 'utf8')) as JournalData;
    } catch (cause) {
      throw new DrillError('DRILL_JOURNAL', `cannot read drill journal ${path}`, { cause });
    }
    if (data.kind !== 'DrillJournal' || !Array.isArray(data.mutations)) {
      throw new DrillError('DRILL_JOURNAL', `${path} is not an okemesh drill journal`);
    }
    return new Journal(path, data);
  }

  get id(): string {
    return this.data.id;
  }

  /** Persists the current state; calls are serialized so the file is never torn. */
  flush(): Promise<void> {
    this.data.updatedAt = iso(now());
    const text = `${JSON.stringify(this.data, null, 2)}\n`;
    const tmp = `${this.path}.${process.pid}.tmp`;
    this.queue = this.queue.then(async () => {
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, this.path);
    });
    return this.queue;
  }

  async phase(phase: string, at = now()): Promise<void> {
    this.data.phases.push({ phase, at });
    await this.flush();
  }

  async plan(step: string): Promise<void> {
    this.data.plan.push(step);
    await this.flush();
  }

  async warn(warning: string): Promise<void> {
    if (!this.data.warnings.includes(warning)) this.data.warnings.push(warning);
    await this.flush();
  }

  /** Journals the snapshot and how to revert it, durably, BEFORE the caller mutates anything. */
  async begin(fault: number, description: string, before: unknown, revert: RevertAction): Promise<Mutation> {
    const mutation: Mutation = {
      id: this.data.mutations.length + 1,
      fault,
      description,
      before,
      revert,
      state: 'pending',
    };
    this.data.mutations.push(mutation);
    await this.flush();
    return mutation;
  }

  async mark(mutation: Mutation, state: MutationState, error?: string): Promise<void> {
    mutation.state = state;
    if (error === undefined) delete mutation.error;
    else mutation.error = error;
    await this.flush();
  }

  async setStatus(status: JournalStatus, result?: DrillResult): Promise<void> {
    this.data.status = status;
    if (result) this.data.result = result;
    await this.flush();
  }

  /** Mutations that may still be in effect (pending ones may or may not have been applied), newest first. */
  outstanding(): Mutation[] {
    return this.data.mutations.filter((m) => m.state !== 'reverted').reverse();
  }
}

import type { ObjectRef } from '../kube/object.js';
import type { WriterSpec } from '../spec/writer-schema.js';

/** How to undo one mutation: plain data, so `drill recover` can replay it from the journal in a new process. */
export type RevertAction =
  | {
      readonly type: 'restore-replicas';
      readonly cluster: string;
      readonly ref: ObjectRef;
      readonly replicas: number;
    }
  | { readonly type: 'delete-object'; readonly cluster: string; readonly ref: ObjectRef }
  | {
      readonly type: 'remove-routes';
      readonly cluster: string;
      readonly ref: ObjectRef;
      readonly routeName: string;
    }
  | { readonly type: 'uncordon'; readonly cluster: string; readonly ref: ObjectRef }
  | {
      readonly type: 'await-pods';
      readonly cluster: string;
      readonly namespace: string;
      readonly selector: string;
      readonly ready: number;
    }
  | { readonly type: 'command'; readonly argv: readonly string[] }
  | { readonly type: 'adb-switchover'; readonly databaseId: string; readonly peerDatabaseId: string }
  /** The RPO writer's own table; `writer` names endpoints and where the password comes from, never the password. */
  | { readonly type: 'drop-writer-table'; readonly writer: WriterSpec; readonly table: string }
  | { readonly type: 'none'; readonly reason: string };

/** pending: journaled, about to mutate (may or may not have happened); applied; reverted; revert-failed. */
export type MutationState = 'pending' | 'applied' | 'reverted' | 'revert-failed';

/** One change a drill made, with the pre-fault snapshot of what it changed. */
export interface Mutation {
  readonly id: number;
  /** Index of the fault in spec.faults; -1 for what the drill itself sets up (the writer table). */
  readonly fault: number;
  readonly description: string;
  /** The full object before the change (null for objects the drill creates). */
  readonly before: unknown;
  readonly revert: RevertAction;
  state: MutationState;
  error?: string;
}

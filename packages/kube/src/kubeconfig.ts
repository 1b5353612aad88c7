import type { KubeConfig } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { KubeError } from './errors.js';
import { unsafeKubeconfigReasons } from './kubeconfig-safety.js';

/** Where a kubeconfig comes from: a file, its text, or the default ($KUBECONFIG's first file, ~/.kube/config). */
export interface KubeconfigSource {
  readonly file?: string;
  readonly text?: string;
  /** Environment to read KUBECONFIG and HOME from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

/** The kubeconfig file a source means: `file`, else the first of $KUBECONFIG, else ~/.kube/config. */
export function kubeconfigPath(source: KubeconfigSource = {}): string {
  if (source.file !== undefined) return source.file;
  const env = source.env ?? process.env;
  const listed = (env['KUBECONFIG'] ?? '').split(delimiter).filter(Boolean);
  return listed[0] ?? join(env['HOME'] ?? homedir(), '.kube', 'config');
}

/** A kubeconfig read once and checked, from which clients for its contexts are made. */
export interface LoadedKubeconfig {
  /** The file it came from, or `(inline)`. */
  readonly source: string;
  readonly contexts: readonly string[];
  /** A client-node KubeConfig set to `context`, after the safety policy accepted it. */
  forContext(context: string): Promise<KubeConfig>;
}

/**
 * The one kubeconfig loader of okemesh. Reads the file (or text) once; each context is checked against the
 * one safety policy (`unsafeKubeconfigReasons`, purpose `connect`: any authentication client-node supports,
 * the OCI exec plugin included, but never insecure-skip-tls-verify) before a client is made for it.
 * @kubernetes/client-node is imported only when a client is made.
 */
export async function loadKubeconfig(source: KubeconfigSource = {}): Promise<LoadedKubeconfig> {
  const path = source.text === undefined ? kubeconfigPath(source) : '(inline)';
  let text = source.text;
  if (text === undefined) {
    if (!existsSync(path)) throw new KubeError('KUBE_CONFIG_NOT_FOUND', `no kubeconfig found at ${path}`);
    text = await readFile(path, 'utf8').catch((cause: NodeJS.ErrnoException) => {
      throw new KubeError(
        'KUBE_CONFIG_NOT_FOUND',
        `cannot read kubeconfig ${path} (${cause.code ?? 'error'})`,
        {
          cause,
        },
      );
    });
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (cause) {
    throw new KubeError('KUBE_CONFIG_NOT_FOUND', `kubeconfig ${path} is not valid YAML`, { cause });
  }
  const list = (raw as { contexts?: unknown } | null)?.contexts;
  const contexts = Array.isArray(list)
    ? list.map((c: { name?: unknown }) => c.name).filter((n): n is string => typeof n === 'string')
    : [];
  const body = text;
  return {
    source: path,
    contexts,
    async forContext(context) {
      if (!contexts.includes(context))
        throw new KubeError(
          'KUBE_CONTEXT_NOT_FOUND',
          `kubeconfig ${path} has no context "${context}"; it has: ${contexts.join(', ') || 'none'}`,
        );
      const reasons = unsafeKubeconfigReasons(raw, context, 'connect');
      if (reasons.some((r) => r.includes('names no cluster')))
        throw new KubeError('KUBE_CONTEXT_NOT_FOUND', `context "${context}" in ${path} names no cluster`);
      if (reasons.length > 0)
        throw new KubeError(
          'KUBE_CONFIG_UNSAFE',
          `context "${context}" in ${path} is refused: ${reasons.join('; ')}`,
        );
      const { KubeConfig } = await import('@kubernetes/client-node');
      const config = new KubeConfig();
      config.loadFromString(body);
      config.setCurrentContext(context);
      return config;
    },
  };
}

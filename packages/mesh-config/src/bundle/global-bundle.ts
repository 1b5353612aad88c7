import type { Topology } from '@okemesh/topology';
import type { ResolvedRenderOptions } from '../resources/context.js';
import { applicationSet } from '../resources/gitops/application-set.js';
import { kustomization } from '../resources/gitops/kustomization.js';
import { DASHBOARD_FILE, grafanaDashboard } from '../resources/observability/grafana-dashboard.js';
import { toJson, toYaml } from '../serialize.js';
import { manifestFileName, type BundleFile, type BundleObject } from './bundle.js';

/** `global/`: the Argo CD ApplicationSet (kustomize-buildable) and the Grafana dashboard JSON. */
export function globalBundle(topology: Topology, options: ResolvedRenderOptions) {
  const appSet = applicationSet(topology, options);
  const name = manifestFileName(appSet);
  const path = `global/${name}`;
  const files: BundleFile[] = [
    { path, content: toYaml(appSet) },
    { path: 'global/kustomization.yaml', content: toYaml(kustomization([name])) },
    { path: `global/${DASHBOARD_FILE}`, content: toJson(grafanaDashboard(topology)) },
    ...options.globalFiles.map((file) => ({ path: `global/${file.path}`, content: file.content })),
  ];
  const objects: BundleObject[] = [{ path, appliedWith: 'kustomize', object: appSet }];
  return { files, objects };
}

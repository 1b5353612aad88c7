import type { ClusterContext } from '../resources/context.js';
import { kustomization } from '../resources/gitops/kustomization.js';
import {
  baseValues,
  eastWestGatewayValues,
  ingressGatewayValues,
  istiodValues,
} from '../resources/install/helm-values.js';
import { controlPlaneOperator, eastWestGatewayOperator } from '../resources/install/istio-operator.js';
import { EASTWEST_LB_COMMENT, HELM_EASTWEST_PORTS_COMMENT } from '../resources/install/load-balancer.js';
import { toYaml } from '../serialize.js';
import { manifestFileName, type BundleFile, type BundleObject } from './bundle.js';
import { compareObjects } from '../model/identity.js';
import type { KubeObject } from '../model/kube-object.js';
import { clusterOnlyObjects } from './cluster-objects.js';

/** An object with its manifest file name and YAML, so objects shared by every cluster serialize once. */
export interface RenderedManifest {
  readonly object: KubeObject;
  readonly fileName: string;
  readonly content: string;
}

export function renderManifest(object: KubeObject): RenderedManifest {
  return { object, fileName: manifestFileName(object), content: toYaml(object) };
}

const HELM_COMMENT = (chart: string) =>
  `Helm values for the istio/${chart} chart (helm install ... -f this file). Not a Kubernetes manifest.`;
const IOP_COMMENT =
  'IstioOperator for `istioctl install -f` only. There is no in-cluster operator since Istio 1.24: never kubectl apply this file.';

export interface ClusterBundle {
  readonly files: BundleFile[];
  readonly objects: BundleObject[];
}

/** Paths of one cluster's directory, relative to the bundle root. */
export function clusterPaths(name: string) {
  const dir = `clusters/${name}`;
  return {
    dir,
    controlPlane: `${dir}/install/control-plane.istio-operator.yaml`,
    eastWest: `${dir}/install/eastwest-gateway.istio-operator.yaml`,
    helm: {
      base: `${dir}/install/helm/base.values.yaml`,
      istiod: `${dir}/install/helm/istiod.values.yaml`,
      eastWest: `${dir}/install/helm/eastwest-gateway.values.yaml`,
      ingress: `${dir}/install/helm/ingress-gateway.values.yaml`,
    },
  } as const;
}

/**
 * `clusters/<name>/`: a kustomize-buildable directory (one object per file, `shared` plus this cluster's
 * own objects, in apply order) and `install/` for istioctl and Helm.
 */
export function clusterBundle(ctx: ClusterContext, shared: readonly RenderedManifest[]): ClusterBundle {
  const paths = clusterPaths(ctx.cluster.name);
  const cluster = ctx.cluster.name;
  const files: BundleFile[] = [];
  const objects: BundleObject[] = [];

  const extra = ctx.options.extraObjects[cluster] ?? [];
  const manifests = [
    ...shared,
    ...clusterOnlyObjects(ctx).map(renderManifest),
    ...extra.map(renderManifest),
  ].sort((a, b) => compareObjects(a.object, b.object));
  for (const { object, fileName, content } of manifests) {
    const path = `${paths.dir}/${fileName}`;
    files.push({ path, content });
    objects.push({ path, cluster, appliedWith: 'kustomize', object });
  }
  files.push({
    path: `${paths.dir}/kustomization.yaml`,
    content: toYaml(kustomization(manifests.map((m) => m.fileName))),
  });

  const controlPlane = controlPlaneOperator(ctx);
  const eastWest = eastWestGatewayOperator(ctx);
  files.push({ path: paths.controlPlane, content: toYaml(controlPlane, IOP_COMMENT) });
  files.push({ path: paths.eastWest, content: toYaml(eastWest, `${IOP_COMMENT}\n\n${EASTWEST_LB_COMMENT}`) });
  objects.push({ path: paths.controlPlane, cluster, appliedWith: 'istioctl', object: controlPlane });
  objects.push({ path: paths.eastWest, cluster, appliedWith: 'istioctl', object: eastWest });

  files.push({ path: paths.helm.base, content: toYaml(baseValues(ctx), HELM_COMMENT('base')) });
  files.push({ path: paths.helm.istiod, content: toYaml(istiodValues(ctx), HELM_COMMENT('istiod')) });
  files.push({
    path: paths.helm.eastWest,
    content: toYaml(
      eastWestGatewayValues(ctx),
      `${HELM_COMMENT('gateway')}\n\n${EASTWEST_LB_COMMENT}\n\n${HELM_EASTWEST_PORTS_COMMENT}`,
    ),
  });
  files.push({
    path: paths.helm.ingress,
    content: toYaml(ingressGatewayValues(ctx), HELM_COMMENT('gateway')),
  });
  return { files, objects };
}

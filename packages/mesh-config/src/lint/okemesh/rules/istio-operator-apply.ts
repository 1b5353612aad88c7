import type { Analyzer } from '../../context.js';
import { asArray, asString, type LintResource } from '../../resource.js';
import { okm } from '../report.js';

const dirOf = (file: string): string => file.slice(0, Math.max(0, file.lastIndexOf('/')));

function joinPath(dir: string, entry: string): string {
  const parts = (dir ? `${dir}/${entry}` : entry).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return (dir.startsWith('/') ? '/' : '') + out.join('/');
}

/** Files a Kustomization hands to kubectl apply -k. */
function kustomized(resources: readonly LintResource[]): Set<string> {
  const out = new Set<string>();
  for (const k of resources) {
    if (k.kind !== 'Kustomization') continue;
    for (const entry of asArray(k.object['resources'])) out.add(joinPath(dirOf(k.file), asString(entry)));
  }
  return out;
}

/** Where an istioctl-only file is expected: an install/ directory or a *.istio-operator.yaml / *.iop.yaml / *istioctl* name. */
const istioctlOnly = (file: string): boolean =>
  /(^|\/)install\//.test(file) || /(istio-operator|\.iop|istioctl)[^/]*\.ya?ml$/.test(file);

/** OKM0080: an IstioOperator that kubectl apply would pick up (there is no in-cluster operator since Istio 1.24). */
export const istioOperatorApplyRule: Analyzer = {
  name: 'okemesh.IstioOperatorApply',
  analyze(ctx) {
    const applied = kustomized(ctx.resources);
    for (const iop of ctx.all('install.istio.io', 'IstioOperator')) {
      const sameFile = ctx.resources.some(
        (r) =>
          r.file === iop.file && r.kind !== 'IstioOperator' && r.group !== 'helm' && !r.file.startsWith('('),
      );
      const why = applied.has(iop.file)
        ? 'it is listed in a kustomization, so kubectl apply -k creates it'
        : sameFile
          ? 'it shares a file with Kubernetes objects that are kubectl-applied'
          : !istioctlOnly(iop.file)
            ? 'it sits among kubectl-applied manifests'
            : '';
      if (!why) continue;
      okm(
        ctx,
        'OKM0080',
        iop,
        `IstioOperator ${iop.name}: ${why}; since Istio 1.24 nothing reconciles an IstioOperator in the cluster (and its CRD is not installed)`,
        'install with istioctl install -f <file> (keep it under install/ or name it *.istio-operator.yaml), or convert it with istioctl manifest translate to Helm values',
        ['kind'],
      );
    }
  },
};

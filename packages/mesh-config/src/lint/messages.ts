import type { Level } from './finding.js';

export interface MessageType {
  readonly name: string;
  readonly level: Level;
  /** Go fmt template from istioctl's messages.yaml (`%s`, `%q`, `%v`, `%d`). */
  readonly template: string;
}

/** The istioctl messages okemesh reimplements: same code, name, level and template. */
export const istioMessages: Record<string, MessageType> = {
  IST0002: { name: 'Deprecated', level: 'Warning', template: 'Deprecated: %s' },
  IST0101: { name: 'ReferencedResourceNotFound', level: 'Error', template: 'Referenced %s not found: %q' },
  IST0106: { name: 'SchemaValidationError', level: 'Error', template: 'Schema validation error: %v' },
  IST0109: {
    name: 'ConflictingMeshGatewayVirtualServiceHosts',
    level: 'Error',
    template:
      'The VirtualServices %s associated with mesh gateway define the same host %s which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.',
  },
  IST0110: {
    name: 'ConflictingSidecarWorkloadSelectors',
    level: 'Error',
    template:
      'The Sidecars %v in namespace %q select the same workload pod %q, which can lead to undefined behavior.',
  },
  IST0111: {
    name: 'MultipleSidecarsWithoutWorkloadSelectors',
    level: 'Error',
    template:
      'The Sidecars %v in namespace %q have no workload selector, which can lead to undefined behavior.',
  },
  IST0112: {
    name: 'VirtualServiceDestinationPortSelectorRequired',
    level: 'Error',
    template:
      'This VirtualService routes to a service %q that exposes multiple ports %v. Specifying a port in the destination is required to disambiguate.',
  },
  IST0118: {
    name: 'PortNameIsNotUnderNamingConvention',
    level: 'Info',
    template: "Port name %s (port: %d, targetPort: %s) doesn't follow the naming convention of Istio port.",
  },
  IST0126: {
    name: 'UnknownMeshNetworksServiceRegistry',
    level: 'Error',
    template: 'Unknown service registry %s in network %s',
  },
  IST0127: {
    name: 'NoMatchingWorkloadsFound',
    level: 'Warning',
    template: 'No matching workloads for this resource with the following labels: %s',
  },
  IST0128: {
    name: 'NoServerCertificateVerificationDestinationLevel',
    level: 'Warning',
    template:
      'DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s',
  },
  IST0129: {
    name: 'NoServerCertificateVerificationPortLevel',
    level: 'Warning',
    template:
      'DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s at port %s',
  },
  IST0130: {
    name: 'VirtualServiceUnreachableRule',
    level: 'Warning',
    template: 'VirtualService rule %v not used (%s).',
  },
  IST0131: {
    name: 'VirtualServiceIneffectiveMatch',
    level: 'Info',
    template: 'VirtualService rule %v match %v is not used (duplicate/overlapping match in rule %v).',
  },
  IST0132: {
    name: 'VirtualServiceHostNotFoundInGateway',
    level: 'Warning',
    template: 'one or more host %v defined in VirtualService %s not found in Gateway %s.',
  },
  IST0133: { name: 'SchemaWarning', level: 'Warning', template: 'Schema validation warning: %v' },
  IST0134: {
    name: 'ServiceEntryAddressesRequired',
    level: 'Warning',
    template: 'ServiceEntry addresses are required for this protocol.',
  },
  IST0138: {
    name: 'GatewayDuplicateCertificate',
    level: 'Warning',
    template:
      'Duplicate certificate in multiple gateways %v may cause 404s if clients re-use HTTP2 connections.',
  },
  IST0140: {
    name: 'IngressRouteRulesNotAffected',
    level: 'Warning',
    template: 'Subset in virtual service %s has no effect on ingress gateway %s requests',
  },
  IST0145: {
    name: 'ConflictingGateways',
    level: 'Error',
    template: 'Conflict with gateways %s (workload selector %s, port %s, hosts %v).',
  },
  IST0149: {
    name: 'JwtClaimBasedRoutingWithoutRequestAuthN',
    level: 'Error',
    template:
      'The virtual service uses the JWT claim based routing (key: %s) but found no request authentication for the gateway (%s) pod (%s). The request authentication must first be applied for the gateway pods to validate the JWT token and make the claims available for routing.',
  },
  IST0150: {
    name: 'ExternalNameServiceTypeInvalidPortName',
    level: 'Warning',
    template:
      'Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly',
  },
  IST0161: {
    name: 'InvalidGatewayCredential',
    level: 'Error',
    template:
      'The credential referenced by the Gateway %s in namespace %s is invalid, which can cause the traffic not to work as expected.',
  },
  IST0162: {
    name: 'GatewayPortNotDefinedOnService',
    level: 'Warning',
    template:
      'The gateway is listening on a target port (port %d) that is not defined in the Service associated with its workload instances (Pod selector %s). If you need to access the gateway port through the gateway Service, it will not be available.',
  },
  IST0165: {
    name: 'ReferencedInternalGateway',
    level: 'Warning',
    template:
      'Gateway reference in VirtualService %s is to an implementation-generated internal Gateway: %s.',
  },
  IST0167: { name: 'IneffectivePolicy', level: 'Warning', template: 'The policy has no impact: %s.' },
  IST0170: {
    name: 'MultiClusterInconsistentService',
    level: 'Warning',
    template:
      'The service %v in namespace %q is inconsistent across clusters %q, which can lead to undefined behaviors. The inconsistent behaviors are: %v.',
  },
  IST0173: {
    name: 'DestinationRuleSubsetNotSelectPods',
    level: 'Error',
    template:
      'The Subset %s defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).',
  },
  IST0174: {
    name: 'UnknownDestinationRuleHost',
    level: 'Warning',
    template: 'The host %s defined in the DestinationRule does not match any services in the mesh.',
  },
  IST0177: {
    name: 'ConflictingServiceEntryProtocol',
    level: 'Warning',
    template:
      'Multiple ServiceEntries (%s) define the same host %q and port %d with conflicting protocols (%s).',
  },
};

export type MessageArg = string | number | readonly (string | number)[];

function render(verb: string, arg: MessageArg | undefined): string {
  if (arg === undefined) return `%!${verb}(MISSING)`;
  if (Array.isArray(arg))
    return `[${arg.map((a) => (verb === 'q' ? JSON.stringify(String(a)) : String(a))).join(' ')}]`;
  return verb === 'q' ? JSON.stringify(String(arg)) : String(arg);
}

/** Fills a Go fmt template the way istioctl does for the verbs its messages use. */
export function formatTemplate(template: string, args: readonly MessageArg[]): string {
  let next = 0;
  return template.replace(/%([sqvd%])/g, (_m, verb: string) =>
    verb === '%' ? '%' : render(verb, args[next++]),
  );
}

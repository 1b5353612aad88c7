import type { Analyzer } from './context.js';
import { authorizationPoliciesAnalyzer } from './analyzers/authorization-policy.js';
import { deprecationAnalyzer } from './analyzers/deprecation.js';
import { caCertificateAnalyzer } from './analyzers/destination-rule-ca-certificate.js';
import { subsetSelectPodAnalyzer } from './analyzers/destination-rule-subset.js';
import { certificateAnalyzer } from './analyzers/gateway-certificate.js';
import { conflictingGatewayAnalyzer } from './analyzers/gateway-conflict.js';
import { ingressGatewayPortAnalyzer } from './analyzers/gateway-port.js';
import { secretAnalyzer } from './analyzers/gateway-secret.js';
import { meshNetworksAnalyzer } from './analyzers/mesh-networks.js';
import { schemaValidationAnalyzer } from './analyzers/schema-validation.js';
import { conflictingProtocolAnalyzer, protocolAddressesAnalyzer } from './analyzers/service-entry.js';
import { portNameAnalyzer } from './analyzers/service-port-name.js';
import { sidecarSelectorAnalyzer } from './analyzers/sidecar-selector.js';
import { destinationHostAnalyzer } from './analyzers/virtual-service-destination-host.js';
import { destinationRuleAnalyzer } from './analyzers/virtual-service-destination-rule.js';
import { gatewayAnalyzer } from './analyzers/virtual-service-gateway.js';
import { jwtClaimRouteAnalyzer } from './analyzers/virtual-service-jwt-claim-route.js';
import { conflictingMeshGatewayHostsAnalyzer } from './analyzers/virtual-service-mesh-hosts.js';

/**
 * istioctl analyzers reimplemented, keyed by the Go type name the conformance corpus uses
 * (`schemaValidation.CollectionValidationAnalyzer` is istioctl's per-kind schema.ValidationAnalyzer).
 */
export const istioAnalyzers: Readonly<Record<string, Analyzer>> = {
  'virtualservice.DestinationHostAnalyzer': destinationHostAnalyzer,
  'virtualservice.DestinationRuleAnalyzer': destinationRuleAnalyzer,
  'virtualservice.ConflictingMeshGatewayHostsAnalyzer': conflictingMeshGatewayHostsAnalyzer,
  'virtualservice.GatewayAnalyzer': gatewayAnalyzer,
  'virtualservice.JWTClaimRouteAnalyzer': jwtClaimRouteAnalyzer,
  'gateway.IngressGatewayPortAnalyzer': ingressGatewayPortAnalyzer,
  'gateway.ConflictingGatewayAnalyzer': conflictingGatewayAnalyzer,
  'gateway.CertificateAnalyzer': certificateAnalyzer,
  'gateway.SecretAnalyzer': secretAnalyzer,
  'destinationrule.CaCertificateAnalyzer': caCertificateAnalyzer,
  'destinationrule.PodNotSelectedAnalyzer': subsetSelectPodAnalyzer,
  'serviceentry.ProtocolAddressesAnalyzer': protocolAddressesAnalyzer,
  'serviceentry.ConflictingServiceEntryProtocolAnalyzer': conflictingProtocolAnalyzer,
  'sidecar.SelectorAnalyzer': sidecarSelectorAnalyzer,
  'authz.AuthorizationPoliciesAnalyzer': authorizationPoliciesAnalyzer,
  'multicluster.MeshNetworksAnalyzer': meshNetworksAnalyzer,
  'deprecation.FieldAnalyzer': deprecationAnalyzer,
  'service.PortNameAnalyzer': portNameAnalyzer,
  'schemaValidation.CollectionValidationAnalyzer': schemaValidationAnalyzer,
};

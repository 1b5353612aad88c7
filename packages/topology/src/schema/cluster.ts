import { z } from 'zod';
import { dns1123Label, ipv4Cidr, ocid } from './primitives.js';

export const cniTypes = ['OCI_VCN_IP_NATIVE', 'FLANNEL_OVERLAY'] as const;

const podSubnet = z.strictObject({
  cidr: ipv4Cidr.describe('CIDR of an OCI subnet pods take their IPs from'),
  ocid: ocid('subnet').optional().describe('OCID of the pod subnet'),
});

export const podNetworkSchema = z
  .strictObject({
    cidr: ipv4Cidr.optional().describe('Pod CIDR (FLANNEL_OVERLAY) or the VCN range pods use (VCN-native)'),
    subnets: z.array(podSubnet).min(1).optional().describe('VCN-native pod subnets'),
  })
  .describe('Pod addressing: one pod CIDR, or the pod subnets of a VCN-native cluster');

export const clusterSchema = z.strictObject({
  name: dns1123Label.describe(
    'Istio cluster name (values.global.multiCluster.clusterName); unique, never "Kubernetes"',
  ),
  region: z.string().describe('OCI region identifier, e.g. us-sanjose-1'),
  role: z
    .enum(['primary', 'secondary'])
    .describe('primary serves traffic first; secondary takes over on failover'),
  network: z
    .string()
    .regex(/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, 'must be a label value such as network1')
    .max(63)
    .describe('Istio network name (values.global.network); one per VCN'),
  kubeContext: z.string().min(1).describe('kubeconfig context that reaches this cluster'),
  ocid: ocid('cluster').optional().describe('OKE cluster OCID'),
  compartment: ocid('compartment').describe('OCI compartment OCID that holds the cluster and its network'),
  cni: z.enum(cniTypes).describe('OKE pod networking type; cross-cluster routing needs OCI_VCN_IP_NATIVE'),
  vcn: z.strictObject({
    cidr: ipv4Cidr.describe('VCN CIDR block'),
    ocid: ocid('vcn').optional().describe('VCN OCID'),
  }),
  pods: podNetworkSchema,
  services: z.strictObject({
    cidr: ipv4Cidr.describe('Kubernetes service CIDR of this cluster'),
  }),
});

export type Cluster = z.infer<typeof clusterSchema>;
export type CniType = (typeof cniTypes)[number];

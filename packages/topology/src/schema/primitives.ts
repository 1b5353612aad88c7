import { normalizeCidr, parseCidr } from 'cidr-tools';
import { z } from 'zod';
import { parseDuration } from '../duration.js';

/** RFC 1123 label: what Kubernetes accepts as a namespace or Service name. */
export const dns1123Label = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label: lowercase letters, digits and "-"');

/** A DNS name (one or more labels). */
export const dnsName = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    'must be a lowercase DNS name such as app.example.com',
  );

function isCanonicalIpv4Cidr(value: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(value)) return false;
  try {
    return parseCidr(value).version === 4 && normalizeCidr(value) === value;
  } catch {
    return false;
  }
}

export const ipv4Cidr = z.string().refine(isCanonicalIpv4Cidr, {
  error: (issue) => {
    const input = String(issue.input);
    try {
      const network = normalizeCidr(input);
      if (parseCidr(input).prefixPresent && network !== input) {
        return `"${input}" has host bits set; the network is ${network}`;
      }
    } catch {
      // fall through to the generic message
    }
    return `"${input}" is not an IPv4 CIDR such as 10.0.0.0/16`;
  },
});

export const duration = z.string().refine((value) => parseDuration(value) !== undefined, {
  error: (issue) => `"${String(issue.input)}" is not a duration; write it like 100ms, 60s, 15m or 1h`,
});

export const ocid = (resource: string) =>
  z
    .string()
    .regex(
      new RegExp(`^ocid1\\.${resource}\\.[a-z0-9-]+\\.[a-z0-9-]*\\.[a-z0-9]+$`),
      `must be an OCID of the form ocid1.${resource}.oc1.<region>.<unique-id>`,
    );

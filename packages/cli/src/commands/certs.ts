import type { CommandGroup } from '../program.js';
import { registerCertsInstall } from './certs-install.js';
import { registerCertsIssue } from './certs-issue.js';
import { registerCertsRotate } from './certs-rotate.js';
import { registerCertsVerify } from './certs-verify.js';

/** `okemesh certs …`: the mesh root CA and the per-cluster Istio plug-in CA bundles. */
export const registerCerts: CommandGroup = (program, ctx) => {
  const certs = program
    .command('certs')
    .description(
      "the mesh's shared root CA and per-cluster Istio plug-in CA intermediates (istio-system/cacerts)",
    );
  registerCertsIssue(certs, ctx);
  registerCertsVerify(certs, ctx);
  registerCertsRotate(certs, ctx);
  registerCertsInstall(certs, ctx);
};

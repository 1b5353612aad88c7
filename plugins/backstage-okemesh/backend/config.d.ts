export interface Config {
  /** okemesh backend plugin (@okemesh/backstage-plugin-okemesh-backend). */
  okemesh?: {
    /** When scheduled drills run (default: every 24 h, timeout 2 h). */
    schedule?: {
      frequency: { cron: string } | string | { days?: number; hours?: number; minutes?: number };
      timeout: string | { days?: number; hours?: number; minutes?: number };
      initialDelay?: string | { days?: number; hours?: number; minutes?: number };
    };
    /** Drills the scheduler starts, as the plugin's own service identity. */
    scheduledDrills?: Array<{
      /** e.g. component:default/shop */
      entityRef: string;
      /** ingress-failure | east-west-failure | database-failover | full-region */
      scenario: string;
    }>;
    /** Credentials the drill runner uses. They stay in the backend: no route returns them. */
    clusters?: Array<{
      /** Cluster name as in mesh.yaml. */
      name: string;
      /**
       * Kubeconfig (YAML) for the cluster.
       * @visibility secret
       */
      kubeconfig?: string;
    }>;
    oci?: {
      /** OCI tenancy OCID. */
      tenancy?: string;
      /** OCI user OCID. */
      user?: string;
      /** API key fingerprint. */
      fingerprint?: string;
      /**
       * PEM private key of the OCI API key.
       * @visibility secret
       */
      privateKey?: string;
      region?: string;
    };
  };
}

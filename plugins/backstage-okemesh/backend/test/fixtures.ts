import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Bookinfo example topology that ships with @okemesh/topology. */
export const meshYaml = readFileSync(
  join(dirname(require.resolve('@okemesh/topology/package.json')), 'examples', 'mesh.yaml'),
  'utf8',
);

export const TOPOLOGY_URL = 'https://git.example.com/shop/blob/main/mesh.yaml';

export const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop',
    namespace: 'default',
    annotations: {
      'okemesh.io/topology': './mesh.yaml',
      'backstage.io/source-location': 'url:https://git.example.com/shop/blob/main/',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-a' },
};

export const plain: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'plain', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-a' },
};

import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createMeshLintAction } from './actions/mesh-lint.js';
import { createMeshRenderAction } from './actions/mesh-render.js';
import { createTopologyCreateAction } from './actions/topology-create.js';

/** Adds the okemesh actions to the scaffolder: `backend.add(import('@okemesh/backstage-plugin-scaffolder-backend-module-okemesh'))`. */
export const okemeshScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'okemesh',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createTopologyCreateAction(), createMeshRenderAction(), createMeshLintAction());
      },
    });
  },
});

// Dev page: the Failover tab against whatever serves /api/okemesh on this origin (the browser test's fake
// backend), through the plugin's real HTTP client.
import { createRoot } from 'react-dom/client';
import { OkemeshClient } from '../src/api/okemesh-api.js';
import { FailoverView } from '../src/components/FailoverView.js';

const api = new OkemeshClient({
  discoveryApi: { getBaseUrl: async (pluginId) => `${window.location.origin}/api/${pluginId}` },
  fetchApi: { fetch: (input, init) => window.fetch(input, init) },
});
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main style={{ fontFamily: 'sans-serif', padding: 16, maxWidth: 960 }}>
      <h2>shop · Failover</h2>
      <FailoverView
        api={api}
        entity={{ kind: 'Component', namespace: 'default', name: 'shop' }}
        pollMs={100}
      />
    </main>,
  );
}

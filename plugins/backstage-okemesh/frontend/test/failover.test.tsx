import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { okemeshApiRef } from '../src/api/okemesh-api.js';
import { FailoverCard, FailoverContent } from '../src/components/FailoverContent.js';
import { EntityOkemeshCard, okemeshPlugin } from '../src/legacy.js';
import okemeshFrontendPlugin from '../src/index.js';
import { fakeApi } from './fake-api.js';

const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', namespace: 'default', annotations: { 'okemesh.io/topology': './mesh.yaml' } },
  spec: { owner: 'group:default/team-a' },
};
const plain: Entity = { ...shop, metadata: { name: 'plain', namespace: 'default' } };

const wait = { timeout: 10_000 };

function mount(element: JSX.Element, entity: Entity, api = fakeApi().api) {
  return renderInTestApp(
    <TestApiProvider apis={[[okemeshApiRef, api]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}

describe('Failover tab', () => {
  it('draws the topology, SLOs, lint status and drill history', async () => {
    await mount(<FailoverContent />, shop);
    const diagram = await screen.findByRole('img', { name: 'Topology of mesh shop-mesh' }, wait);
    expect(diagram.querySelectorAll('[data-region]')).toHaveLength(2);
    expect(diagram.querySelector('[data-cluster="sjc"]')).toHaveTextContent('primary · network1');
    expect(diagram.querySelector('[data-link="sjc-ord"]')).toHaveTextContent('east-west');
    expect(diagram.querySelector('[data-service="web"]')).toHaveTextContent('webactivepassive');
    expect(diagram.querySelector('[data-service="cart"]')).toHaveTextContent('cartactiveactive');

    const slos = screen.getByRole('table', { name: 'SLOs' });
    expect(within(slos).getByText('RTO').closest('tr')).toHaveTextContent('RTO15m1200 s (missed)');
    expect(screen.getByLabelText('Lint')).toHaveTextContent('Lint warn · 0 errors, 1 warnings, 0 infos');
    expect(screen.getByText('OKM0060')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Drills' })).toHaveTextContent('full-regionfailed1200 s');
    const chart = screen.getByRole('img', { name: 'RTO and RPO versus SLO' });
    expect(chart.querySelector('[data-slo="rto"]')).toHaveTextContent('RTO SLO 900 s');
  });

  it('runs a drill only after confirmation and follows its progress to the end', async () => {
    const { api, calls } = fakeApi();
    await renderInTestApp(
      <TestApiProvider apis={[[okemeshApiRef, api]]}>
        <EntityProvider entity={shop}>
          <FailoverContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Run drill' }, wait));
    expect(calls).toEqual([]);
    const confirm = screen.getByRole('alertdialog', { name: 'Confirm drill' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Start ingress-failure' }));
    expect(await screen.findByRole('status', {}, wait)).toHaveTextContent(/Drill ingress-failure: running/);
    expect(calls).toEqual(['run ingress-failure']);
    expect(await screen.findByText(/ingress-failure: passed — passed/, {}, wait)).toBeInTheDocument();
    const drills = await screen.findByRole('table', { name: 'Drills' }, wait);
    expect(await within(drills).findByText('240 s', {}, wait)).toBeInTheDocument();
    expect(drills.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('says the annotation is missing on an entity without it', async () => {
    await mount(<FailoverContent />, plain);
    expect(await screen.findByRole('note', { name: 'Missing annotation' }, wait)).toHaveTextContent(
      'okemesh.io/topology',
    );
  });

  it('shows permission denied when the backend answers 403', async () => {
    await mount(<FailoverContent />, shop, fakeApi({ deny: true }).api);
    expect(await screen.findByRole('alert', { name: 'Permission denied' }, wait)).toHaveTextContent(
      'okemesh.topology.read',
    );
  });

  it('shows the empty history state', async () => {
    await mount(<FailoverContent />, shop, fakeApi({ runs: [] }).api);
    expect(await screen.findByText(/No drills yet/, {}, wait)).toBeInTheDocument();
  });

  it('shows a backend error', async () => {
    const { api } = fakeApi();
    await mount(<FailoverContent />, shop, {
      ...api,
      topology: async () => Promise.reject(new Error('backend down')),
    });
    expect(await screen.findByRole('alert', { name: 'Error' }, wait)).toHaveTextContent('backend down');
  });
});

describe('overview card', () => {
  it('summarises regions, lint and the last drill against the SLO', async () => {
    await mount(<FailoverCard />, shop);
    expect(await screen.findByLabelText('Failover summary', {}, wait)).toHaveTextContent(
      '2 regions · 2 services · lint warnLast drill full-region: failed, RTO 1200 s (SLO 900 s)',
    );
  });

  it('renders through the legacy plugin extension', async () => {
    expect(okemeshPlugin.getId()).toBe('okemesh');
    await mount(<EntityOkemeshCard />, shop);
    expect(await screen.findByLabelText('Failover summary', {}, wait)).toBeInTheDocument();
  });

  it('shows permission denied on the card', async () => {
    await mount(<FailoverCard />, shop, fakeApi({ deny: true }).api);
    expect(await screen.findByRole('alert', {}, wait)).toHaveTextContent('Permission denied');
  });
});

describe('new frontend system plugin', () => {
  it('is a frontend plugin with the okemesh id', () => {
    expect(okemeshFrontendPlugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(okemeshFrontendPlugin.id).toBe('okemesh');
  });
});

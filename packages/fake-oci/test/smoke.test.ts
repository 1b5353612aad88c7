import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeOci } from '../src/index.js';
import { clientsFor, testKeyPair } from './sdk.js';

const keys = testKeyPair();
const fake = new FakeOci({ publicKeys: { [keys.keyId]: keys.publicKeyPem } });
beforeAll(() => fake.start());
afterAll(() => fake.stop());

it('smoke', async () => {
  const c = clientsFor(keys.provider, fake.endpointFor('us-sanjose-1'));
  const r = await c.network.createDrg({ createDrgDetails: { compartmentId: 'ocid1.compartment.oc1..x', displayName: 'd' } });
  console.log(r.drg, r.etag);
  const l = await c.network.listDrgs({ compartmentId: 'ocid1.compartment.oc1..x' });
  console.log(l.items.length, l.opcNextPage);
  console.log(fake.requests);
  expect(r.drg.lifecycleState).toBe('PROVISIONING');
});

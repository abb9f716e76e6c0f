import { describe, expectTypeOf, it } from 'vitest';
import type { ClusterLink, ClusterModel } from '../../../src/core/day0.js';
import type { NadSettings, NodeModel, PortPolicy, SwitchModel, SwitchPort, Vlan } from '../../../src/core/site.js';
import type {
  ClusterVars,
  NodeVars,
  SiteVars,
  SwitchPortVars,
  SwitchVars,
} from '../../../src/inventory/site-vars-schema.js';

/**
 * The site model in src/core (what templates and drivers read: camelCase, defaults filled in, VLAN sets expanded)
 * is written by hand, as the core imports nothing above it, and it is not the inventory as written (the schema's
 * inferred SiteVars, NodeVars, SwitchVars: snake_case, mostly optional). Every field the two share is pinned here,
 * so a change to one that the other does not follow fails `npx tsc -p tsconfig.test.json` (these run as no-ops
 * under vitest; the type checker is their judge).
 */

type Given<T> = Exclude<T, undefined>;
type VlanVars = SiteVars['vlans'][number];
type NadVars = Given<SiteVars['nad']>;
type LinkVars = Given<NodeVars['cluster_link']>;

describe('the core site model and the inventory schema', () => {
  it('agree on a VLAN and its NAD settings', () => {
    expectTypeOf<Pick<Vlan, 'id' | 'name' | 'subnet' | 'gateway' | 'description'>>().toEqualTypeOf<
      Readonly<Pick<VlanVars, 'id' | 'name' | 'subnet' | 'gateway' | 'description'>>
    >();
    expectTypeOf<Vlan['vm']>().toEqualTypeOf<Given<VlanVars['vm']>>();
    expectTypeOf<NadSettings['cni']>().toEqualTypeOf<Given<NadVars['cni']>>();
    expectTypeOf<NadSettings['namespace']>().toEqualTypeOf<Given<NadVars['namespace']>>();
    expectTypeOf<NadSettings['macspoofchk']>().toEqualTypeOf<Given<NadVars['macspoofchk']>>();
    expectTypeOf<NadSettings['labels']>().toEqualTypeOf<Readonly<Given<NadVars['labels']>>>();
  });

  it('agree on a node', () => {
    expectTypeOf<NodeModel['trunkNic']>().toEqualTypeOf<NodeVars['trunk_nic']>();
    expectTypeOf<NodeModel['mtu']>().toEqualTypeOf<NodeVars['mtu']>();
    expectTypeOf<NodeModel['uplink']>().toEqualTypeOf<Readonly<NodeVars['uplink']>>();
    expectTypeOf<Pick<ClusterLink, 'nic' | 'mac' | 'address' | 'gateway'>>().toEqualTypeOf<
      Readonly<Pick<LinkVars, 'nic' | 'mac' | 'address' | 'gateway'>>
    >();
    expectTypeOf<ClusterLink['rootDevice']>().toEqualTypeOf<NodeVars['root_device']>();
  });

  it('agree on a switch and its ports', () => {
    expectTypeOf<SwitchModel['save']>().toEqualTypeOf<Given<SwitchVars['save']>>();
    expectTypeOf<SwitchPort['mode']>().toEqualTypeOf<Given<SwitchPortVars['mode']>>();
    expectTypeOf<PortPolicy>().toEqualTypeOf<Given<SwitchPortVars['policy']>>();
    expectTypeOf<SwitchPort['description']>().toEqualTypeOf<SwitchPortVars['description']>();
    expectTypeOf<SwitchPort['enabled']>().toEqualTypeOf<Given<SwitchPortVars['enabled']>>();
    expectTypeOf<SwitchPort['accessVlan']>().toEqualTypeOf<SwitchPortVars['access_vlan']>();
    expectTypeOf<SwitchPort['nativeVlan']>().toEqualTypeOf<SwitchPortVars['native_vlan']>();
  });

  it('agree on the cluster', () => {
    expectTypeOf<ClusterModel['name']>().toEqualTypeOf<ClusterVars['name']>();
    expectTypeOf<ClusterModel['baseDomain']>().toEqualTypeOf<ClusterVars['base_domain']>();
    expectTypeOf<ClusterModel['vlan']>().toEqualTypeOf<ClusterVars['vlan']>();
    expectTypeOf<ClusterModel['machineNetwork']>().toEqualTypeOf<ClusterVars['machine_network']>();
    expectTypeOf<ClusterModel['rendezvousIp']>().toEqualTypeOf<ClusterVars['rendezvous_ip']>();
    expectTypeOf<ClusterModel['clusterNetwork']>().toEqualTypeOf<Given<ClusterVars['cluster_network']>>();
    expectTypeOf<ClusterModel['hostPrefix']>().toEqualTypeOf<Given<ClusterVars['host_prefix']>>();
    expectTypeOf<ClusterModel['serviceNetwork']>().toEqualTypeOf<Given<ClusterVars['service_network']>>();
  });

  it('would fail on a drift (the checks themselves)', () => {
    // @ts-expect-error a port mode the schema does not have
    expectTypeOf<SwitchPort['mode'] | 'routed'>().toEqualTypeOf<Given<SwitchPortVars['mode']>>();
    // @ts-expect-error a required field the schema leaves optional
    expectTypeOf<ClusterModel['hostPrefix']>().toEqualTypeOf<ClusterVars['host_prefix']>();
  });
});

import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, type Scalar } from 'yaml';
import { OWNERSHIP_FILE } from 'acp-play/inventory/ownership-record.js';

const site1Dir = fileURLToPath(new URL('../../../../inventories/site1/', import.meta.url));

/** The password the kernel lab's switch1 accepts (the inventory reads it from SWITCH1_PASSWORD, as site1 does). */
export const KERNEL_LAB_SWITCH_PASSWORD = 'acp-play-lab';

/**
 * nmstate's commit-confirm window in the lab's playbooks: short, so a rolled-back change is seen in seconds, yet long
 * enough for the checks after an apply inside a loaded guest (10 s was too short: one node's checks took 15 s; 20 s
 * too, on a host running other test suites at a load of 12 on 2 cores).
 */
export const KERNEL_LAB_NMSTATE_TIMEOUT_S = 40;

/**
 * The site's default play list (playbooks/site.yaml: switch VLANs, switch ports, then the nodes one at a time,
 * stopping at the first failed node) with a short nmstate window. `stopAtFirstFailure: false` leaves out
 * max_fail_percentage, so the other nodes carry on after one fails.
 */
export function kernelLabPlaybook(opts: { readonly timeoutS: number; readonly stopAtFirstFailure: boolean }): string {
  return [
    "# The kernel lab's copy of playbooks/site.yaml, with a short nmstate commit-confirm window.",
    '- name: Switch VLAN definitions',
    '  hosts: switches',
    '  tags: [switches, vlans]',
    '  tasks:',
    '    - {name: VLANs, module: switch_vlans}',
    '- name: Switch ports',
    '  hosts: switches',
    '  tags: [switches, ports]',
    '  tasks:',
    '    - {name: Access and trunk ports, module: switch_ports}',
    '- name: Node VLAN bridges',
    '  hosts: nodes',
    '  serial: 1',
    ...(opts.stopAtFirstFailure ? ['  max_fail_percentage: 0'] : []),
    '  tags: [nodes]',
    '  tasks:',
    '    - name: VLAN interfaces and bridges (nmstate, commit-confirmed)',
    '      module: nmstate',
    `      args: {timeout: ${opts.timeoutS}}`,
    '',
  ].join('\n');
}

/**
 * Writes `DIR/inventories/lab`: inventories/site1 as it is (same hosts, addresses 172.16.0.2 and .10-.12, ports and
 * VLANs; switch1 logs in as admin with the password from SWITCH1_PASSWORD), except that the nodes are reached as
 * root with the lab's client key (`DIR/keys/client`, made in the guest) instead of `core` + sudo. The guest adds
 * known_hosts once it has made the host keys. Also writes `DIR/playbooks/site.yaml` and `faults.yaml`.
 */
export async function writeKernelLabInventory(dir: string): Promise<string> {
  const inv = join(dir, 'inventories', 'lab');
  await mkdir(join(dir, 'inventories'), { recursive: true });
  await cp(site1Dir, inv, { recursive: true });
  // The guest's switch starts empty: an ownership record from runs against inventories/site1 does not apply to it.
  await rm(join(inv, OWNERSHIP_FILE), { force: true });
  await writeFile(
    join(inv, 'group_vars', 'nodes.yaml'),
    labNodesYaml(await readFile(join(inv, 'group_vars', 'nodes.yaml'), 'utf8')),
  );
  await mkdir(join(dir, 'playbooks'), { recursive: true });
  await writeFile(
    join(dir, 'playbooks', 'site.yaml'),
    kernelLabPlaybook({ timeoutS: KERNEL_LAB_NMSTATE_TIMEOUT_S, stopAtFirstFailure: true }),
  );
  await writeFile(
    join(dir, 'playbooks', 'faults.yaml'),
    kernelLabPlaybook({ timeoutS: KERNEL_LAB_NMSTATE_TIMEOUT_S, stopAtFirstFailure: false }),
  );
  return inv;
}

/**
 * site1's group_vars/nodes.yaml with the login changed: root with the lab's key instead of `core` + sudo (the guest
 * has no `core` user). Everything else (the trunk NIC, the day-0 keys) stays as site1 has it.
 */
function labNodesYaml(site1Nodes: string): string {
  const doc = parseDocument(site1Nodes);
  doc.set('user', 'root');
  doc.set('become', doc.createNode(false));
  (doc.get('become', true) as Scalar).comment = ' already root: no sudo';
  doc.set('ssh_private_key_file', '../../keys/client');
  doc.commentBefore =
    ' Kernel lab nodes: network namespaces in a User-Mode Linux guest with NetworkManager, nmstatectl and sshd.\n' +
    " As inventories/site1, but logged in as root with the lab's key.";
  return doc.toString();
}

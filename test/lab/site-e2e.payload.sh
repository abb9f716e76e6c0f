# Payload of test/lab/site-e2e.test.ts, run inside ONE User-Mode Linux guest after nmstate-lab-nodes.sh and
# kernel-site.sh: the seed's whole site (3 nmstate nodes, switch1 on a VLAN-filtering bridge, the firewall, 5 VMs),
# the built acp-play CLI as controller, scenario after scenario. Everything is recorded under out/; the test asserts.
# switch1 was started with SITE_REJECT='^description node2-vm-trunk$' (fault injection for the rejected command).
set -u
site_up || exit 1
links() { for node in node0 node1 node2; do in_node "$node" ip -d link show > "$out/$1-$node-links.txt" 2>&1; done; }
show_switch() { printf 'show running-config\nexit\n' | switch_cli > "$out/$1-switch-running.txt" 2>&1; bridge vlan show > "$out/$1-swbr-vlans.txt" 2>&1; }
# Variant inventories: a copy of inventories/lab with files replaced.
variant() { rm -rf "$ACP_WORK/inventories/$1"; cp -r "$ACP_WORK/inventories/lab" "$ACP_WORK/inventories/$1"; }

echo "== 1. from an empty site: plan, then apply (switch first, nodes one at a time)"
cli plan-first plan inventories/lab -p playbooks/site.yaml --detailed-exitcode
cli apply-first apply inventories/lab -p playbooks/site.yaml --yes
links after-apply
show_switch after-apply
# Every later scenario starts from the applied site: without it they would only take minutes to fail.
if [ "$(cat "$out/apply-first.code")" != 0 ]; then echo "the first apply failed: stopping here"; site_down; exit 1; fi

echo "== 2. VMs attached once the bridges exist; the seed's flows; 802.1Q tags on node0's trunk NIC"
site_attach_vms > "$out/attach-first.txt"
site_flows ""
site_tags > "$out/tags.txt"
cat "$out/tags.txt"

echo "== 3. in sync: plan, and a second apply that changes nothing (VMs attached, as on a real site)"
cli plan-again plan inventories/lab -p playbooks/site.yaml --detailed-exitcode --out out/again-1.plan
# A second gather of the unchanged site a few seconds later (bridge timers have run): the same fingerprints.
sleep 3
cli plan-again-2 plan inventories/lab -p playbooks/site.yaml --detailed-exitcode --out out/again-2.plan
: > "$ACP_WORK/switch/commands.log"
cli apply-again apply inventories/lab -p playbooks/site.yaml --yes
cp "$ACP_WORK/switch/commands.log" "$out/apply-again-switch-commands.txt"
site_flows "-after-again"

echo "== 4. drift behind the tool's back"
# switch1: VLAN 2004 off node0's trunk, typed into the switch's own CLI over SSH.
printf 'configure terminal\ninterface Ethernet1/3\nswitchport trunk allowed vlan remove 2004\nend\nexit\n' | switch_cli > "$out/drift-switch-session.txt" 2>&1
echo $? > "$out/drift-switch-session.code"
# node1: `ip link del bridge2005`. NetworkManager owns the bridge's profile (autoconnect) and makes it again.
in_node node1 ip link del bridge2005
echo $? > "$out/drift-ip-link-del.code"
sleep 4
in_node node1 ip -d link show bridge2005 > "$out/drift-after-ip-link-del.txt" 2>&1
# ... so the bridge is deleted for good the way NetworkManager keeps it deleted: its profile goes too.
in_node node1 nmcli connection delete bridge2005 > "$out/drift-nmcli-delete.txt" 2>&1
sleep 1
links drift
show_switch drift
site_flows "-drift"
cli plan-drift plan inventories/lab -p playbooks/site.yaml --detailed-exitcode

echo "== 5. a wrong host key for node1: refused before any change"
variant badkey
ssh-keygen -q -t ed25519 -N '' -f "$ACP_WORK/keys/impostor"
grep -v '^172.16.0.11 ' "$ACP_WORK/known_hosts" > "$ACP_WORK/inventories/badkey/known_hosts"
echo "172.16.0.11 $(cut -d' ' -f1,2 "$ACP_WORK/keys/impostor.pub")" >> "$ACP_WORK/inventories/badkey/known_hosts"
cli apply-badkey apply inventories/badkey -p playbooks/site.yaml --limit node1 --yes
in_node node1 ip link show bridge2005 > "$out/after-badkey-bridge2005.txt" 2>&1
echo $? > "$out/after-badkey-bridge2005.code"

echo "== 6. apply repairs the drift; VMs re-attached; the flows come back"
cli apply-drift apply inventories/lab -p playbooks/site.yaml --yes
site_attach_vms > "$out/attach-repaired.txt"
links repaired
show_switch repaired
site_flows "-repaired"
cli plan-repaired plan inventories/lab -p playbooks/site.yaml --detailed-exitcode

echo "== 7. a switch command rejected: checkpoint rollback restores the prior config"
variant renamed
sed -i 's/description: node0-virtualization/description: node0-vm-trunk/; s/description: node1-virtualization/description: node1-vm-trunk/; s/description: node2-virtualization/description: node2-vm-trunk/' \
  "$ACP_WORK/inventories/renamed/host_vars/switch1.yaml"
show_switch before-reject
cli apply-reject apply inventories/renamed -p playbooks/site.yaml --tags switches --yes
show_switch after-reject
cli plan-after-reject plan inventories/lab -p playbooks/site.yaml --tags switches --detailed-exitcode

echo "== 8. a node change that cuts its own management path (node2): rolled back by NetworkManager's timeout"
variant cut
cat >> "$ACP_WORK/inventories/cut/host_vars/node2.yaml" <<'YAML'
  # The lab's fault: a desired state that takes the management address off mgmt0.
  interfaces:
    - name: mgmt0
      ipv4: {enabled: false}
YAML
cli apply-cut apply inventories/cut -p playbooks/faults.yaml --limit node2 --yes
in_node node2 ip -4 addr show mgmt0 > "$out/after-cut-mgmt0.txt" 2>&1
cli plan-after-cut plan inventories/lab -p playbooks/site.yaml --limit node2 --detailed-exitcode

echo "== 9. sshd killed on node1 in the middle of its apply: node0 and node2 finish, node1 is rolled back"
variant plus2006
# group_vars/all.yaml ends with the site's VLAN list: one more VM VLAN.
echo '    - {id: 2006, name: virtual-machines-4, subnet: 172.16.7.0/24, gateway: 172.16.7.1, vm: true}' >> "$ACP_WORK/inventories/plus2006/group_vars/all.yaml"
sed -i 's/allowed_vlans: 2003-2005/allowed_vlans: 2003-2006/; s/allowed_vlans: 2000-2005/allowed_vlans: 2000-2006/' \
  "$ACP_WORK/inventories/plus2006/host_vars/switch1.yaml"
node1_net=$(readlink "/proc/$(ip netns pids node1 | head -n 1)/ns/net")
(
  # Waits for nmstatectl apply in node1's namespace, then kills every sshd there (listener and sessions) by PID.
  i=0
  while [ "$i" -lt 600 ]; do
    for pid in $(pgrep -f 'nmstatectl apply'); do
      [ "$(readlink "/proc/$pid/ns/net" 2>/dev/null)" = "$node1_net" ] || continue
      sshd_pids=$(for p in $(pgrep -x sshd); do [ "$(readlink "/proc/$p/ns/net" 2>/dev/null)" = "$node1_net" ] && echo "$p"; done)
      kill -9 $sshd_pids
      echo "killed node1 sshd ($sshd_pids) during nmstatectl apply (pid $pid) at $(cut -d' ' -f1 /proc/uptime) s" > "$out/sshd-kill.txt"
      sleep 3
      # As systemd would (Restart=on-failure): sshd comes back a few seconds later.
      in_node node1 /usr/sbin/sshd -D -e -f "$ACP_WORK/nodes/node1/sshd_config" >> "$ACP_WORK/nodes/node1/sshd.log" 2>&1 &
      echo "restarted node1 sshd at $(cut -d' ' -f1 /proc/uptime) s" >> "$out/sshd-kill.txt"
      exit 0
    done
    i=$((i + 1))
    sleep 0.2
  done
  echo "never saw nmstatectl apply on node1" > "$out/sshd-kill.txt"
) &
killer=$!
cli apply-sshd-kill apply inventories/plus2006 -p playbooks/faults.yaml --yes
wait "$killer"
links after-sshd-kill

echo "== 10. VLAN 2005 leaves the site (as last applied, with 2006): one plan removes it everywhere"
rm -rf "$ACP_WORK/inventories/minus2005"
cp -r "$ACP_WORK/inventories/plus2006" "$ACP_WORK/inventories/minus2005"
sed -i '/^    - id: 2005$/,/^      vm: true$/d' "$ACP_WORK/inventories/minus2005/group_vars/all.yaml"
sed -i 's/allowed_vlans: 2003-2006/allowed_vlans: 2003-2004,2006/; s/allowed_vlans: 2000-2006/allowed_vlans: 2000-2004,2006/' \
  "$ACP_WORK/inventories/minus2005/host_vars/switch1.yaml"
cp "$ACP_WORK/inventories/minus2005/.acp-play-owned.yaml" "$out/owned-before-minus2005.yaml" 2>&1
cli plan-minus2005 plan inventories/minus2005 -p playbooks/site.yaml --detailed-exitcode
cli apply-minus2005 apply inventories/minus2005 -p playbooks/site.yaml --yes
links after-minus2005
show_switch after-minus2005
site_attach_vms > "$out/attach-minus2005.txt"
site_flows "-minus2005"
cli plan-after-minus2005 plan inventories/minus2005 -p playbooks/site.yaml --detailed-exitcode
echo "== 11. a node whose checkpoint rollback is blocked (node1): the runner reads it again: ROLLBACK NOT VERIFIED"
# node1's nmstatectl, as the inventory names it: every command passes to the real one, but a rollback is turned into
# a commit and says nothing, so the change stays and NetworkManager's timeout cannot undo it either.
cat > "$ACP_WORK/bin/nmstatectl-rollback-blocked" <<'SH'
#!/bin/sh
if [ "$1" = rollback ]; then shift; exec nmstatectl commit "$@" > /dev/null 2>&1; fi
exec nmstatectl "$@"
SH
chmod 755 "$ACP_WORK/bin/nmstatectl-rollback-blocked"
# The plus2006 inventory (VLANs 2005 and 2006), with node1's nmstatectl changed: after scenario 10 node1 lacks
# bridge2005, which this apply adds back and cannot take away again.
rm -rf "$ACP_WORK/inventories/blocked"
cp -r "$ACP_WORK/inventories/plus2006" "$ACP_WORK/inventories/blocked"
echo "nmstatectl: $ACP_WORK/bin/nmstatectl-rollback-blocked" >> "$ACP_WORK/inventories/blocked/host_vars/node1.yaml"
cat > "$ACP_WORK/playbooks/blocked.yaml" <<'YAML'
# A probe that cannot pass, so the change on node1 is rolled back (by a rollback that is blocked).
- name: Node VLAN bridges
  hosts: nodes
  tasks:
    - name: VLAN interfaces and bridges
      module: nmstate
      args: {timeout: 40, probes: [{command: "test -e /nonexistent/acp-play-probe"}]}
YAML
cli apply-blocked apply inventories/blocked -p playbooks/blocked.yaml --limit node1 --yes
cp "$(ls -d "$ACP_WORK"/.acp-play/runs/* | sort | tail -n 1)/result.json" "$out/apply-blocked-result.json"
links after-blocked

site_down
cp "$ACP_WORK/switch/mirror-errors.txt" "$out/mirror-errors.txt" 2>/dev/null || : > "$out/mirror-errors.txt"
echo "payload done after $(cut -d' ' -f1 /proc/uptime) s of guest uptime"

# `acp-play lab up --kernel`: the seed's site once, in the guest (after lab-hosts.sh, nmstate-lab-nodes.sh, kernel-site.sh).
# Brings the site up, plans and applies inventories/lab (a copy of inventories/site1), attaches the VMs, prints the
# seed's flows as pings and the 802.1Q tags on node0's trunk, proves the site in sync, and stops. Exit 0 only when
# the apply worked, every flow answered with the seed's TTL and the final plan is empty.
set -u
show() { echo; echo "\$ acp-play $2"; cat "$out/$1.out"; [ -s "$out/$1.err" ] && cat "$out/$1.err"; return 0; }
failed=0
echo "== the site: switch1 (NX-OS simulator on a VLAN-filtering bridge), node0-2 (NetworkManager + nmstatectl + sshd), firewall, 5 VMs"
site_up || exit 1
echo "== 1/4 plan from the empty site (exit 2: changes present)"
cli plan plan inventories/lab -p playbooks/site.yaml --detailed-exitcode
show plan "plan inventories/lab --detailed-exitcode"
echo "== 2/4 apply: switch1 first, then the nodes one at a time, each commit-confirmed"
cli apply apply inventories/lab -p playbooks/site.yaml --yes
show apply "apply inventories/lab --yes"
[ "$(cat "$out/apply.code")" = 0 ] || failed=1
echo "== 3/4 the VMs join their bridges; the seed's flows"
site_attach_vms
echo "VM1 172.16.4.11 (node0, 2003)  pod2 172.16.4.12 (node0, 2003)  VM3 172.16.5.13 (node0, 2004)"
echo "VM4 172.16.4.14 (node1, 2003)  VM6 172.16.6.16 (node1, 2005)   firewall: 172.16.4.1, 172.16.5.1, 172.16.6.1"
site_flows ""
grep -q 'ping vm1-pod2 ok ttl=64' "$out/flows.txt" || failed=1
grep -q 'ping vm1-vm3 ok ttl=63' "$out/flows.txt" || failed=1
grep -q 'ping vm1-vm4 ok ttl=64' "$out/flows.txt" || failed=1
grep -q 'ping vm1-vm6 ok ttl=63' "$out/flows.txt" || failed=1
echo "(vm1-pod2: same bridge on node0; vm1-vm3: through the firewall, TTL 63; vm1-vm4: through switch1, TTL 64; vm1-vm6: through the firewall)"
site_tags
sed 's/^/  node0 enp4s0f0: /' "$out/tcpdump-node0-enp4s0f0.txt"
sed 's/^/  switch1 uplink: /' "$out/tcpdump-switch-uplink.txt"
echo "== 4/4 plan again: in sync (exit 0)"
cli plan-again plan inventories/lab -p playbooks/site.yaml --detailed-exitcode
show plan-again "plan inventories/lab --detailed-exitcode"
[ "$(cat "$out/plan-again.code")" = 0 ] || failed=1
site_down
echo "== $([ "$failed" = 0 ] && echo 'the site worked on a real data plane' || echo 'something FAILED (see above)'); shutting the guest down"
exit "$failed"

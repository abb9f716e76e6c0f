# Payload of test/lab/nmstate-driver.test.ts, run inside one User-Mode Linux guest (after lab-hosts.sh and
# nmstate-lab-nodes.sh):
# two node hosts with NetworkManager + sshd, then the built acp-play CLI as the controller, scenario by scenario.
# Every scenario leaves out/NAME.out, .err, .code; link dumps go to out/NAME-NODE-links.txt. The test asserts.
set -u
out="$ACP_WORK/out"
lab_setup
lab_node node0 172.16.0.10
lab_node node1 172.16.0.11
lab_wait_nodes node0 node1 || exit 1
echo "nodes up after $(cut -d' ' -f1 /proc/uptime) s of guest uptime"

for inv in inv inv-plus-2006 inv-cut-node0 inv-pruned; do cp "$ACP_WORK/known_hosts" "$ACP_WORK/$inv/known_hosts"; done
mkdir -p "$ACP_WORK/home"
links() {
  for node in node0 node1; do in_node "$node" ip -d link show > "$out/$1-$node-links.txt" 2>&1; done
}

links before
cli plan-first plan inv -p playbooks/site.yaml --detailed-exitcode
cli apply-first apply inv -p playbooks/site.yaml --yes
links after-apply
in_node node0 nmstatectl show --json bridge2003 > "$out/show-bridge2003.json" 2> /dev/null
cli plan-again plan inv -p playbooks/site.yaml --detailed-exitcode
cli apply-again apply inv -p playbooks/site.yaml --yes

cli apply-probe-fail apply inv-plus-2006 -p playbooks/probe-fail.yaml --yes
links after-probe-fail

cli apply-cut apply inv-cut-node0 -p playbooks/cut.yaml --yes
in_node node0 ip -4 addr show mgmt0 > "$out/after-cut-mgmt0.txt" 2>&1
cli plan-after-cut plan inv -p playbooks/site.yaml --detailed-exitcode

# An unmarked bridge made by hand (a NetworkManager profile without acp-play's description): the removal must keep it.
in_node node0 nmcli con add type bridge con-name bridge2099 ifname bridge2099 ipv4.method disabled ipv6.method disabled stp no > /dev/null
in_node node0 nmcli -w 10 con up bridge2099 > /dev/null
# VLAN 2005 leaves the inventory: kept with prune: false, removed by default.
cli plan-pruned-keep plan inv-pruned -p playbooks/keep.yaml --detailed-exitcode
cli plan-prune plan inv-pruned -p playbooks/site.yaml --detailed-exitcode
cli apply-prune apply inv-pruned -p playbooks/site.yaml --yes
links after-prune
echo "payload done after $(cut -d' ' -f1 /proc/uptime) s of guest uptime"

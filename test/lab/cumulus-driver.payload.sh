# Payload of test/lab/cumulus-driver.test.ts, run inside one User-Mode Linux guest (after lab-hosts.sh and
# cumulus-lab-switch.sh):
# one Cumulus-like switch (real ifupdown2 + sshd in a namespace), then the built acp-play CLI as the controller,
# scenario by scenario. Every scenario leaves out/NAME.out, .err, .code, and the switch's state after it:
# out/NAME-vlans.json (`bridge -j vlan show`), out/NAME-interfaces (the file), out/NAME-etc.txt (ls /etc/network).
set -u
out="$ACP_WORK/out"
lab_setup
lab_switch leaf1 172.16.0.20 4
lab_wait_switches leaf1 || exit 1
echo "switch up after $(cut -d' ' -f1 /proc/uptime) s of guest uptime"
for inv in inv inv-bad-port; do cp "$ACP_WORK/known_hosts" "$ACP_WORK/$inv/known_hosts"; done
mkdir -p "$ACP_WORK/home"

state() {
  in_switch leaf1 bridge -j vlan show > "$out/$1-vlans.json" 2>&1
  in_switch leaf1 cat /etc/network/interfaces > "$out/$1-interfaces" 2>&1
  in_switch leaf1 ls /etc/network > "$out/$1-etc.txt" 2>&1
}
# cli (lab-hosts.sh) records the switch's state after every scenario.
LAB_CLI_AFTER=state

state before
cli plan-first plan inv --detailed-exitcode
cli apply-vlans apply inv --yes --tags vlans
cli apply-first apply inv --yes
cli plan-again plan inv --detailed-exitcode
cli apply-again apply inv --yes
cli apply-bad-port apply inv-bad-port --yes
cli plan-after-bad plan inv --detailed-exitcode
# The failing file itself, reloaded by hand: ifreload's own words for the unit test's fixture.
in_switch leaf1 sh -c 'cp /etc/network/interfaces /tmp/good && sed "s/bridge-ports swp1 swp2 swp4 swp3/bridge-ports swp1 swp2 swp4 swp3 swp9/" /tmp/good > /etc/network/interfaces && ifreload -a; echo "exit $?"; cp /tmp/good /etc/network/interfaces && ifreload -a' > "$out/ifreload-missing-port.txt" 2>&1
echo "payload done after $(cut -d' ' -f1 /proc/uptime) s of guest uptime"

# Payload of test/lab/cabling-lldpd.test.ts, run inside ONE User-Mode Linux guest after nmstate-lab-nodes.sh and
# kernel-site.sh: the seed's site with real lldpd (Debian) on both ends of each node's trunk cable, then the built
# CLI's `check cabling`. Everything is recorded under out/; the test asserts.
set -u
SITE_LLDP_SOCKET=/run/lldpd-switch1.socket
site_up || exit 1
site_lldpd || { site_down; exit 1; }
lldpctl -u "$SITE_LLDP_SOCKET" -f json > "$out/switch1-lldpctl.json"
for node in node0 node1 node2; do in_node "$node" /usr/local/bin/lldpctl -f json > "$out/$node-lldpctl.json"; done
# switch1's simulator takes what its lldpd hears once a second.
i=0
until printf 'show lldp neighbors\nexit\n' | switch_cli 2>&1 | grep -q '^Total entries displayed: 3'; do
  i=$((i + 1)); [ "$i" -gt 20 ] && break; sleep 0.5
done
printf 'show lldp neighbors detail\nexit\n' | switch_cli > "$out/switch1-show-lldp.txt" 2>&1
cli check-cabling check cabling inventories/lab
cli check-cabling-json check cabling inventories/lab --json
site_down
echo "payload done"

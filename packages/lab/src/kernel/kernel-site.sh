# The seed's site inside the User-Mode Linux guest (sourced after packages/lab/src/uml/lab-hosts.sh and nmstate-lab-nodes.sh,
# which give lab_setup / cli / lab_node / lab_wait_nodes / in_node). Layout, all inside the guest:
#   mgmtbr 172.16.0.1 (controller) + 172.16.0.2 (switch1, the NX-OS simulator) + nodes 172.16.0.10-12 on mgmt0
#   swbr: VLAN-filtering bridge = switch1's data plane; ports t-node0/1/2 (peers of each node's enp4s0f0) and t-fw
#   fw: router on a stick, uplink1.2003/2004/2005 = 172.16.4.1, 172.16.5.1, 172.16.6.1, ip_forward on
#   VMs: a namespace each (vmnic1), its peer in the node's namespace, attached to bridge<vlan> by site_attach_vms
# Needs ACP_NODE (node binary), ACP_CLI (bin/acp-play.js), ACP_LAB_DIST (packages/lab/dist/), SWITCH1_PASSWORD.
out="$ACP_WORK/out"
mkdir -p "$out"
# switch port -> bridge port (the mirror's map) and the VMs: NAME NODE VLAN ADDRESS GATEWAY
SITE_PORTS="Ethernet1/3=t-node0,Ethernet1/7=t-node1,Ethernet1/11=t-node2,Ethernet1/48=t-fw"
SITE_VMS="vm1 node0 2003 172.16.4.11 172.16.4.1
pod2 node0 2003 172.16.4.12 172.16.4.1
vm3 node0 2004 172.16.5.13 172.16.5.1
vm4 node1 2003 172.16.4.14 172.16.4.1
vm6 node1 2005 172.16.6.16 172.16.6.1"

# cli (lab-hosts.sh) runs the built CLI in the work folder; its timing lines here show the arguments too.
LAB_CLI_SHOW_ARGS=1

# The firewall namespace: one VLAN subinterface per VM VLAN on its uplink, each holding the VLAN's gateway.
site_firewall() {
  ip netns add fw
  ip link add t-fw type veth peer name uplink1 netns fw
  ip link set t-fw master swbr
  ip link set t-fw up
  ip netns exec fw sh -c '
    ip link set lo up
    ip link set uplink1 up
    for pair in 2003:172.16.4.1 2004:172.16.5.1 2005:172.16.6.1; do
      id=${pair%%:*}
      ip link add link uplink1 name uplink1.$id type vlan id $id
      ip addr add ${pair#*:}/24 dev uplink1.$id
      ip link set uplink1.$id up
    done
    echo 1 > /proc/sys/net/ipv4/ip_forward'
}

# switch1: its data-plane bridge, then the simulator, which programs the bridge ports from its (empty) config.
site_switch() {
  mkdir -p "$ACP_WORK/switch"
  rm -f "$ACP_WORK/switch/ready"
  ip addr add 172.16.0.2/24 dev mgmtbr
  ip link add swbr type bridge vlan_filtering 1 stp_state 0
  ip link set swbr up
  for node in node0 node1 node2; do ip link set "t-$node" master swbr; done
  site_firewall
  [ -f "$ACP_WORK/switch/host_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$ACP_WORK/switch/host_key"
  echo "172.16.0.2 $(cut -d' ' -f1,2 "$ACP_WORK/switch/host_key.pub")" >> "$ACP_WORK/known_hosts"
  KL_DIR="$ACP_WORK/switch" KL_PORTS="$SITE_PORTS" KL_BRIDGE=swbr KL_SWITCH_ADDR=172.16.0.2 \
    KL_HOST_KEY="$ACP_WORK/switch/host_key" KL_CLIENT_PUB="$ACP_WORK/keys/client.pub" KL_REJECT="${SITE_REJECT:-}" \
    KL_LLDP_SOCKET="${SITE_LLDP_SOCKET:-}" \
    "$ACP_NODE" "$ACP_LAB_DIST/kernel/kernel-switch-main.js" > "$ACP_WORK/switch/switch.log" 2>&1 &
  SITE_SWITCH_PID=$!
}

site_wait_switch() {
  i=0
  until [ -f "$ACP_WORK/switch/ready" ]; do
    i=$((i + 1))
    if [ "$i" -gt 300 ] || ! kill -0 "$SITE_SWITCH_PID" 2>/dev/null; then echo "switch1 did not come up"; cat "$ACP_WORK/switch/switch.log"; return 1; fi
    sleep 0.2
  done
}

# One VM: namespace NAME with vmnic1 (address, default route via its VLAN's gateway); the peer NAME in NODE.
site_vm() {
  ip netns add "$1"
  ip link add "$1" type veth peer name vmnic1 netns "$1"
  ip link set "$1" netns "$2"
  ip netns exec "$1" ip link set lo up
  ip netns exec "$1" ip addr add "$4/24" dev vmnic1
  ip netns exec "$1" ip link set vmnic1 up
  ip netns exec "$1" ip route add default via "$5"
  # As on RHCOS (udev rule 85-nm-unmanaged.rules), NetworkManager leaves a VM's veth alone.
  in_node "$2" nmcli device set "$1" managed no 2>/dev/null || true
}

# The whole site up: nodes (NetworkManager + sshd), switch1 with its bridge, the firewall, the VMs (not attached).
site_up() {
  lab_setup
  lab_node node0 172.16.0.10
  lab_node node1 172.16.0.11
  lab_node node2 172.16.0.12
  site_switch
  lab_wait_nodes node0 node1 node2 || return 1
  site_wait_switch || return 1
  echo "$SITE_VMS" | while read -r name node vlan addr gw; do site_vm "$name" "$node" "$vlan" "$addr" "$gw"; done
  cp "$ACP_WORK/known_hosts" "$ACP_WORK/inventories/lab/known_hosts"
  mkdir -p "$ACP_WORK/home"
  echo "site up after $(cut -d' ' -f1 /proc/uptime) s of guest uptime"
}

# Enslaves every VM's node end to its bridge, as the CNI plugin does once the bridge exists; says which could not be.
site_attach_vms() {
  echo "$SITE_VMS" | while read -r name node vlan addr gw; do
    if in_node "$node" ip link set "$name" master "bridge$vlan" 2>/dev/null; then
      in_node "$node" ip link set "$name" up
    else
      echo "$name: $node has no bridge$vlan"
    fi
  done
}

# ping NAME FROM TO: 3 pings from namespace FROM to address TO; out/ping-NAME.txt; prints `NAME ok ttl=N` or FAILED.
site_ping() {
  ip netns exec "$2" ping -c 3 -i 0.3 -W 2 "$3" > "$out/ping-$1.txt" 2>&1
  ttl=$(grep -o 'ttl=[0-9]*' "$out/ping-$1.txt" | tail -n 1)
  if grep -q ' [1-9][0-9]* received' "$out/ping-$1.txt" && [ -n "$ttl" ]; then echo "ping $1 ok $ttl"; else echo "ping $1 FAILED"; fi
}

# The seed's flows (section 2 of the pattern), as one line each; SUFFIX names this round of pings.
site_flows() {
  {
    site_ping "vm1-pod2$1" vm1 172.16.4.12
    site_ping "vm1-vm3$1" vm1 172.16.5.13
    site_ping "vm1-vm4$1" vm1 172.16.4.14
    site_ping "vm1-vm6$1" vm1 172.16.6.16
  } | tee "$out/flows$1.txt"
}

# 802.1Q tags where the seed's tables put them: on node0's trunk NIC while VM1 pings VM4 (same VLAN, other node;
# tcpdump -e in node0's namespace), and on switch1's port to the firewall while VM1 pings VM3 (the firewall routes
# 2003 -> 2004, so the same echo request passes tagged 2003 and then 2004).
site_tags() {
  ip netns exec node0 timeout 8 tcpdump -e -n -l -c 4 -i enp4s0f0 vlan and icmp > "$out/tcpdump-node0-enp4s0f0.txt" 2> "$out/tcpdump.err" &
  tcpdump_pid=$!
  sleep 1.5
  ip netns exec vm1 ping -c 3 -i 0.3 -W 2 172.16.4.14 > /dev/null 2>&1
  wait "$tcpdump_pid"
  grep -c 'vlan 2003' "$out/tcpdump-node0-enp4s0f0.txt" | sed 's/^/tagged frames seen on node0 enp4s0f0 (vlan 2003): /'
  timeout 8 tcpdump -e -n -l -c 4 -i t-fw vlan and icmp > "$out/tcpdump-switch-uplink.txt" 2>> "$out/tcpdump.err" &
  tcpdump_pid=$!
  sleep 1.5
  ip netns exec vm1 ping -c 2 -i 0.3 -W 2 172.16.5.13 > /dev/null 2>&1
  wait "$tcpdump_pid"
  echo "frames seen on switch1's uplink to the firewall: $(grep -c 'vlan 2003' "$out/tcpdump-switch-uplink.txt") tagged 2003, $(grep -c 'vlan 2004' "$out/tcpdump-switch-uplink.txt") tagged 2004"
}

# switch1's CLI over SSH as an operator would type it (OpenSSH, the lab's client key): lines on stdin.
switch_cli() {
  ssh -T -i "$ACP_WORK/keys/client" -o UserKnownHostsFile="$ACP_WORK/known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes -o ConnectTimeout=10 admin@172.16.0.2
}

# Real lldpd (Debian) on both ends of each node cable: in each node's namespaces on enp4s0f0 (lldpctl on the node
# finds its socket through a wrapper in the node's own /usr/local/bin: /run is shared between the nodes), and for
# switch1 on its bridge ports, each sending its switch port's name as Port ID (as NX-OS does); switch1's simulator
# reports what that lldpd hears (started with SITE_LLDP_SOCKET, see site_switch). Waits until every end hears one.
site_lldpd() {
  mkdir -p /run/lldpd
  for node in node0 node1 node2; do
    in_node "$node" sh -c "printf '#!/bin/sh\nexec /usr/sbin/lldpctl -u /run/lldpd-$node.socket \"\$@\"\n' > /usr/local/bin/lldpctl && chmod 755 /usr/local/bin/lldpctl"
    in_node "$node" lldpd -d -u "/run/lldpd-$node.socket" -I enp4s0f0 > "$ACP_WORK/nodes/$node/lldpd.log" 2>&1 &
  done
  lldpd -d -u "$SITE_LLDP_SOCKET" -I t-node0,t-node1,t-node2 > "$ACP_WORK/switch/lldpd.log" 2>&1 &
  SITE_LLDPD_PID=$!
  # The System Name each sends: its host's name (the namespaces' hostnames are not lldpd's to guess).
  for node in node0 node1 node2; do site_lldpcli "/run/lldpd-$node.socket" configure system hostname "$node" || return 1; done
  site_lldpcli "$SITE_LLDP_SOCKET" configure system hostname switch1 || return 1
  # lldpd sends every 30 s by default: once a second here, so the new names are heard at once on a loaded guest.
  for sock in /run/lldpd-node0.socket /run/lldpd-node1.socket /run/lldpd-node2.socket "$SITE_LLDP_SOCKET"; do
    site_lldpcli "$sock" configure lldp tx-interval 1 || return 1
  done
  for pair in $(echo "$SITE_PORTS" | tr ',' ' '); do
    case ${pair#*=} in t-node*) lldpcli -u "$SITE_LLDP_SOCKET" configure ports "${pair#*=}" lldp portidsubtype local "${pair%%=*}" description "${pair%%=*}" ;; esac
  done
  i=0
  until site_lldp_heard; do
    i=$((i + 1)); [ "$i" -gt 300 ] && { echo "lldpd: not every end hears its neighbour"; return 1; }; sleep 0.2
  done
  echo "lldpd: every cable heard from both ends after $(cut -d' ' -f1 /proc/uptime) s of guest uptime"
}

# site_lldpcli SOCKET ARGS...: lldpcli ARGS on the lldpd behind SOCKET, once it answers (up to 10 s).
site_lldpcli() {
  sock=$1
  shift
  i=0
  until lldpcli -u "$sock" "$@" > /dev/null 2>&1; do
    i=$((i + 1)); [ "$i" -gt 100 ] && { echo "lldpd on $sock does not answer: lldpcli $*"; return 1; }; sleep 0.1
  done
}

# True when switch1's lldpd hears the three nodes and each node's lldpd hears its switch port.
site_lldp_heard() {
  [ "$(lldpctl -u "$SITE_LLDP_SOCKET" -f keyvalue | grep -c '\.chassis\.name=node')" = 3 ] || return 1
  for node in node0 node1 node2; do
    in_node "$node" /usr/local/bin/lldpctl -f keyvalue | grep -q 'chassis\.name=switch1' || return 1
    in_node "$node" /usr/local/bin/lldpctl -f keyvalue | grep -q 'port\.local=Ethernet1/' || return 1
  done
}

site_down() {
  [ -n "${SITE_LLDPD_PID:-}" ] && kill "$SITE_LLDPD_PID" 2>/dev/null
  kill "$SITE_SWITCH_PID" 2>/dev/null
  wait "$SITE_SWITCH_PID" 2>/dev/null
}

# Lab node hosts inside the User-Mode Linux guest (sourced by a payload, after lab-hosts.sh, which gives lab_setup
# and cli). lab_node NAME ADDR creates network namespace NAME with a management veth mgmt0 (peer in the bridge
# mgmtbr of the guest's root namespace, where the controller runs at 172.16.0.1) and the trunk NIC enp4s0f0 (a veth
# whose peer stays in the root namespace, up), then starts the node's NetworkManager and sshd (nmstate-node-host.sh).
lab_node() {
  node=$1
  addr=$2
  dir="$ACP_WORK/nodes/$node"
  mkdir -p "$dir"
  rm -f "$dir/ready"
  lab_sshd "$dir" "$addr" 0.0.0.0 'ClientAliveInterval 0'
  lab_netns "$node"
  ip link add "t-$node" type veth peer name enp4s0f0 netns "$node"
  ip link set "t-$node" up
  ip netns exec "$node" ip link set lo up
  ip netns exec "$node" ip link set enp4s0f0 up
  ip netns exec "$node" unshare --uts --mount --propagation private sh "$ACP_WORK/nmstate-node-host.sh" "$node" "$addr" > "$dir/host.log" 2>&1 &
}

# Waits until every named node's sshd is started.
lab_wait_nodes() { lab_wait nodes "$@"; }

# In node NAME's namespaces (network, and the mount namespace of its NetworkManager for nmcli/nmstatectl).
in_node() { lab_enter "$@"; }

# Lab node hosts inside the User-Mode Linux guest (sourced by a payload). lab_node NAME ADDR creates network
# namespace NAME with a management veth mgmt0 (peer in the bridge mgmtbr of the guest's root namespace, where the
# controller runs at 172.16.0.1) and the trunk NIC enp4s0f0 (a veth whose peer stays in the root namespace, up),
# then starts the node's NetworkManager and sshd (nmstate-node-host.sh). Host and client keys are made here.
lab_setup() {
  mkdir -p "$ACP_WORK/keys" "$ACP_WORK/out"
  [ -f "$ACP_WORK/keys/client" ] || ssh-keygen -q -t ed25519 -N '' -f "$ACP_WORK/keys/client"
  ip link add mgmtbr type bridge
  ip addr add 172.16.0.1/24 dev mgmtbr
  ip link set mgmtbr up
  : > "$ACP_WORK/known_hosts"
}

lab_node() {
  node=$1
  addr=$2
  dir="$ACP_WORK/nodes/$node"
  mkdir -p "$dir"
  rm -f "$dir/ready"
  [ -f "$dir/host_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
  echo "$addr $(cut -d' ' -f1,2 "$dir/host_key.pub")" >> "$ACP_WORK/known_hosts"
  cat > "$dir/sshd_config" <<CONF
Port 22
ListenAddress 0.0.0.0
HostKey $dir/host_key
PidFile /run/sshd/sshd.pid
AuthorizedKeysFile $ACP_WORK/keys/client.pub
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
MaxStartups 50
ClientAliveInterval 0
Subsystem sftp /usr/lib/openssh/sftp-server
CONF
  ip netns add "$node"
  ip link add "m-$node" type veth peer name mgmt0 netns "$node"
  ip link set "m-$node" master mgmtbr up
  ip link add "t-$node" type veth peer name enp4s0f0 netns "$node"
  ip link set "t-$node" up
  ip netns exec "$node" ip link set lo up
  ip netns exec "$node" ip link set enp4s0f0 up
  ip netns exec "$node" unshare --uts --mount --propagation private sh "$ACP_WORK/nmstate-node-host.sh" "$node" "$addr" > "$dir/host.log" 2>&1 &
}

# Waits until every named node's sshd is started.
lab_wait_nodes() {
  for node in "$@"; do
    i=0
    until [ -f "$ACP_WORK/nodes/$node/ready" ]; do
      i=$((i + 1))
      if [ "$i" -gt 300 ] || ! ip netns pids "$node" | grep -q .; then
        echo "$node did not come up"; cat "$ACP_WORK/nodes/$node/host.log"; return 1
      fi
      sleep 0.2
    done
  done
}

# In node NAME's namespaces (network, and the mount namespace of its NetworkManager for nmcli/nmstatectl).
in_node() {
  node=$1
  shift
  pid=$(ip netns pids "$node" | head -n 1)
  nsenter -t "$pid" -n -m -u "$@"
}

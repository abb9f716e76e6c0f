# Cumulus-like switch hosts inside the User-Mode Linux guest (sourced by a payload). lab_setup makes the client key
# and the management bridge mgmtbr (172.16.0.1, where the controller runs). lab_switch NAME ADDR NPORTS creates
# network namespace NAME with a management veth mgmt0 (peer in mgmtbr) and switch ports swp1..swpN (veths whose
# peers p-NAME-N stay up in the root namespace), a private copy of /etc/network holding
# $ACP_WORK/switches/NAME/interfaces, then starts cumulus-switch-host.sh (ifreload -a, sshd) in it.
lab_setup() {
  mkdir -p "$ACP_WORK/keys" "$ACP_WORK/out"
  [ -f "$ACP_WORK/keys/client" ] || ssh-keygen -q -t ed25519 -N '' -f "$ACP_WORK/keys/client"
  ip link add mgmtbr type bridge
  ip addr add 172.16.0.1/24 dev mgmtbr
  ip link set mgmtbr up
  : > "$ACP_WORK/known_hosts"
}

lab_switch() {
  sw=$1
  addr=$2
  nports=$3
  dir="$ACP_WORK/switches/$sw"
  mkdir -p "$dir"
  rm -f "$dir/ready"
  [ -f "$dir/host_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
  echo "$addr $(cut -d' ' -f1,2 "$dir/host_key.pub")" >> "$ACP_WORK/known_hosts"
  cat > "$dir/sshd_config" <<CONF
Port 22
ListenAddress $addr
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
Subsystem sftp /usr/lib/openssh/sftp-server
CONF
  # The switch's /etc/network and /etc/iproute2 (ifupdown2 writes its VRF map there): copies in the guest's /tmp.
  etc="/tmp/lab-$sw-etc"
  mkdir -p "$etc/network" "$etc/iproute2"
  cp -a /etc/network/. "$etc/network/"
  cp -a /etc/iproute2/. "$etc/iproute2/" 2>/dev/null || true
  mkdir -p "$etc/iproute2/rt_tables.d"
  cp "$dir/interfaces" "$etc/network/interfaces"
  ip netns add "$sw"
  ip link add "m-$sw" type veth peer name mgmt0 netns "$sw"
  ip link set "m-$sw" master mgmtbr up
  i=1
  while [ "$i" -le "$nports" ]; do
    ip link add "p-$sw-$i" type veth peer name "swp$i" netns "$sw"
    ip link set "p-$sw-$i" up
    i=$((i + 1))
  done
  ip netns exec "$sw" ip link set lo up
  ip netns exec "$sw" unshare --uts --mount --propagation private sh "$ACP_WORK/cumulus-switch-host.sh" "$sw" "$addr" "$etc" > "$dir/host.log" 2>&1 &
}

# Waits until every named switch's sshd is started.
lab_wait_switches() {
  for sw in "$@"; do
    i=0
    until [ -f "$ACP_WORK/switches/$sw/ready" ]; do
      i=$((i + 1))
      if [ "$i" -gt 300 ] || { [ "$i" -gt 10 ] && ! ip netns pids "$sw" | grep -q .; }; then
        echo "$sw did not come up"; cat "$ACP_WORK/switches/$sw/host.log"; return 1
      fi
      sleep 0.2
    done
  done
}

# In switch NAME's namespaces (network, and its mount namespace: the switch's own /etc/network).
in_switch() {
  sw=$1
  shift
  pid=$(ip netns pids "$sw" | head -n 1)
  nsenter -t "$pid" -n -m -u "$@"
}

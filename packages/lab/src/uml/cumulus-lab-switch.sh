# Cumulus-like switch hosts inside the User-Mode Linux guest (sourced by a payload, after lab-hosts.sh, which gives
# lab_setup and cli). lab_switch NAME ADDR NPORTS creates network namespace NAME with a management veth mgmt0 (peer
# in mgmtbr) and switch ports swp1..swpN (veths whose peers p-NAME-N stay up in the root namespace), a private copy
# of /etc/network holding $ACP_WORK/switches/NAME/interfaces, then starts cumulus-switch-host.sh (ifreload -a, sshd).
lab_switch() {
  sw=$1
  addr=$2
  nports=$3
  dir="$ACP_WORK/switches/$sw"
  mkdir -p "$dir"
  rm -f "$dir/ready"
  lab_sshd "$dir" "$addr" "$addr"
  # The switch's /etc/network and /etc/iproute2 (ifupdown2 writes its VRF map there): copies in the guest's /tmp.
  etc="/tmp/lab-$sw-etc"
  mkdir -p "$etc/network" "$etc/iproute2"
  cp -a /etc/network/. "$etc/network/"
  cp -a /etc/iproute2/. "$etc/iproute2/" 2>/dev/null || true
  mkdir -p "$etc/iproute2/rt_tables.d"
  cp "$dir/interfaces" "$etc/network/interfaces"
  lab_netns "$sw"
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
lab_wait_switches() { lab_wait switches "$@"; }

# In switch NAME's namespaces (network, and its mount namespace: the switch's own /etc/network).
in_switch() { lab_enter "$@"; }

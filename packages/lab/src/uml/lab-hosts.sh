# Shared by every lab inside the User-Mode Linux guest (prepended to the payload before the lab's own snippet):
# the management bridge, a namespace host's sshd files and management veth, waiting for hosts, entering them, and
# `cli`, which runs the built acp-play CLI as the controller. Variables are prefixed lab_ (dash has no `local`
# worth trusting in every caller) so a scenario's own names are never clobbered.

# The client key and the management bridge mgmtbr (172.16.0.1, where the controller runs); an empty known_hosts.
lab_setup() {
  mkdir -p "$ACP_WORK/keys" "$ACP_WORK/out"
  [ -f "$ACP_WORK/keys/client" ] || ssh-keygen -q -t ed25519 -N '' -f "$ACP_WORK/keys/client"
  ip link add mgmtbr type bridge
  ip addr add 172.16.0.1/24 dev mgmtbr
  ip link set mgmtbr up
  : > "$ACP_WORK/known_hosts"
}

# lab_sshd DIR ADDR LISTEN [LINE...]: DIR/host_key (kept across runs), ADDR's line in known_hosts, and
# DIR/sshd_config listening on LISTEN with the lab's client key as the only way in; each LINE is added as is.
lab_sshd() {
  lab_dir=$1
  lab_addr=$2
  lab_listen=$3
  shift 3
  [ -f "$lab_dir/host_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$lab_dir/host_key"
  echo "$lab_addr $(cut -d' ' -f1,2 "$lab_dir/host_key.pub")" >> "$ACP_WORK/known_hosts"
  {
    printf '%s\n' 'Port 22' "ListenAddress $lab_listen" "HostKey $lab_dir/host_key" 'PidFile /run/sshd/sshd.pid' \
      "AuthorizedKeysFile $ACP_WORK/keys/client.pub" 'PermitRootLogin prohibit-password' 'PasswordAuthentication no' \
      'KbdInteractiveAuthentication no' 'UsePAM no' 'StrictModes no' 'UseDNS no' 'MaxStartups 50'
    [ "$#" -gt 0 ] && printf '%s\n' "$@"
    echo 'Subsystem sftp /usr/lib/openssh/sftp-server'
  } > "$lab_dir/sshd_config"
}

# lab_netns NAME: network namespace NAME with its management veth mgmt0, whose peer m-NAME is up in mgmtbr.
lab_netns() {
  ip netns add "$1"
  ip link add "m-$1" type veth peer name mgmt0 netns "$1"
  ip link set "m-$1" master mgmtbr up
}

# lab_wait KIND NAME...: waits until $ACP_WORK/KIND/NAME/ready exists for every NAME (its sshd started); fails
# after 60 s, or once the namespace has had 2 s to start and has no process left (then shows its host.log).
lab_wait() {
  lab_kind=$1
  shift
  for lab_host in "$@"; do
    lab_i=0
    until [ -f "$ACP_WORK/$lab_kind/$lab_host/ready" ]; do
      lab_i=$((lab_i + 1))
      if [ "$lab_i" -gt 300 ] || { [ "$lab_i" -gt 10 ] && ! ip netns pids "$lab_host" | grep -q .; }; then
        echo "$lab_host did not come up"; cat "$ACP_WORK/$lab_kind/$lab_host/host.log"; return 1
      fi
      sleep 0.2
    done
  done
}

# lab_enter NAME CMD...: CMD in host NAME's network, mount and UTS namespaces (those of its first process).
lab_enter() {
  lab_pid=$(ip netns pids "$1" | head -n 1)
  shift
  nsenter -t "$lab_pid" -n -m -u "$@"
}

# cli NAME ARGS...: the built CLI (ACP_NODE ACP_CLI) with ARGS in the work folder: out/NAME.out, .err, .code, and
# one timing line on stdout (with the arguments when LAB_CLI_SHOW_ARGS=1). LAB_CLI_AFTER, when set, names a
# command run with NAME afterwards (to record the hosts' state after each scenario, say).
cli() {
  lab_name=$1
  shift
  lab_start=$(date +%s%N)
  (cd "$ACP_WORK" && HOME="$ACP_WORK/home" NO_COLOR=1 CI=true "$ACP_NODE" "$ACP_CLI" "$@") > "$ACP_WORK/out/$lab_name.out" 2> "$ACP_WORK/out/$lab_name.err"
  echo $? > "$ACP_WORK/out/$lab_name.code"
  lab_what=''
  [ "${LAB_CLI_SHOW_ARGS:-}" = 1 ] && lab_what="acp-play $* -> "
  echo "$lab_name: ${lab_what}exit $(cat "$ACP_WORK/out/$lab_name.code") in $(( ($(date +%s%N) - lab_start) / 1000000 )) ms"
  if [ -n "${LAB_CLI_AFTER:-}" ]; then "$LAB_CLI_AFTER" "$lab_name"; fi
}

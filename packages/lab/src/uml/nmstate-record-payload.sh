# Guest payload: drives the real nmstatectl against the guest's NetworkManager and records every output under
# $ACP_WORK/out. Expects $ACP_WORK/bin/nmstatectl, $ACP_WORK/desired.yml and $ACP_WORK/desired-plus.yml (one more
# VLAN, applied with --no-commit and then rolled back). Exit code: 0 only when every step did what it should.
set -u
N="$ACP_WORK/bin/nmstatectl"
out="$ACP_WORK/out"
mkdir -p "$out"
failed=0
step() { echo "== $*"; }
fail() { echo "FAILED: $*"; failed=1; }

step "trunk NIC: veth enp4s0f0 (peer enp4s0f0-peer)"
ip link add enp4s0f0 type veth peer name enp4s0f0-peer
ip link set enp4s0f0 up
ip link set enp4s0f0-peer up
i=0
until nmcli -t -f DEVICE device | grep -qx enp4s0f0; do i=$((i + 1)); [ "$i" -gt 50 ] && break; sleep 0.2; done

"$N" --version > "$out/version.txt" 2>&1 || fail "nmstatectl --version"
cat "$out/version.txt"
step "show before"
"$N" show --json > "$out/show-before.json" 2> "$out/show-before.err" || fail "show before"

step "apply desired"
start=$(date +%s%N)
"$N" apply "$ACP_WORK/desired.yml" > "$out/apply.log" 2>&1 || fail "apply"
echo "apply took $(( ($(date +%s%N) - start) / 1000000 )) ms"
"$N" show --json > "$out/show-after.json" 2> "$out/show-after.err" || fail "show after"
ip -d link show enp4s0f0.2003 > "$out/ip-link-enp4s0f0.2003.txt" 2>&1 || fail "ip link show enp4s0f0.2003"
cat "$out/ip-link-enp4s0f0.2003.txt"
grep -q 'vlan protocol 802.1Q id 2003' "$out/ip-link-enp4s0f0.2003.txt" || fail "enp4s0f0.2003 is not 802.1Q id 2003"
grep -q 'master bridge2003' "$out/ip-link-enp4s0f0.2003.txt" || fail "enp4s0f0.2003 is not in bridge2003"
cat /sys/class/net/bridge2003/bridge/stp_state > "$out/bridge2003-stp_state.txt" 2>&1

step "apply again (idempotent)"
"$N" apply "$ACP_WORK/desired.yml" > "$out/apply-again.log" 2>&1 || fail "apply again"

step "apply --no-commit --timeout 10, then rollback"
"$N" apply --no-commit --timeout 10 "$ACP_WORK/desired-plus.yml" > "$out/apply-no-commit.log" 2>&1 || fail "apply --no-commit"
checkpoint=$(grep -o '/org/freedesktop/NetworkManager/Checkpoint/[0-9]*' "$out/apply-no-commit.log" | tail -n 1)
echo "checkpoint: $checkpoint"
echo "$checkpoint" > "$out/checkpoint.txt"
"$N" show --json > "$out/show-during-no-commit.json" 2>/dev/null || fail "show during no-commit"
"$N" rollback $checkpoint > "$out/rollback.log" 2>&1 || fail "rollback"
sleep 1
"$N" show --json > "$out/show-after-rollback.json" 2>/dev/null || fail "show after rollback"
ip link show enp4s0f0.2006 > /dev/null 2>&1 && fail "enp4s0f0.2006 still there after rollback"

step "apply --no-commit, then commit"
"$N" apply --no-commit --timeout 30 "$ACP_WORK/desired-plus.yml" > "$out/apply-no-commit-2.log" 2>&1 || fail "apply --no-commit (2)"
"$N" commit > "$out/commit.log" 2>&1 || fail "commit"
sleep 1
ip link show enp4s0f0.2006 > /dev/null 2>&1 || fail "enp4s0f0.2006 missing after commit"
nmcli -t -f NAME,TYPE,DEVICE connection show > "$out/nm-connections.txt" 2>&1
echo "failed=$failed"
exit "$failed"

# One lab node host, run as `ip netns exec NODE unshare --uts --mount --propagation private sh THIS NODE ADDR`
# inside the User-Mode Linux guest: its own hostname, /run, /tmp, /root, NetworkManager state, a private system
# D-Bus + NetworkManager (keyfile, no auto connections, no DNS), the management address on mgmt0 as a real
# NetworkManager profile (so a checkpoint rollback restores it), nmstatectl on PATH, and sshd on port 22.
# `ip netns exec` already remounted /sys for this namespace, read-only like the guest's (no udev to wait for).
set -u
node=$1
addr=$2
dir="$ACP_WORK/nodes/$node"
hostname "$node"
# A sysfs of this network namespace, read-only: NetworkManager then sees no udev to wait for and manages at once.
umount -l /sys 2>/dev/null
mount -t sysfs -o ro sysfs /sys
# Not a tmpfs over all of /run: the shared work folder is mounted at /run/acp-work.
mkdir -p /run/dbus /run/sshd /run/NetworkManager
for d in /run/dbus /run/sshd /run/NetworkManager /tmp /root /var/lib /var/log /etc/NetworkManager /usr/local/bin; do mount -t tmpfs -o mode=755 tmpfs "$d"; done
chmod 1777 /tmp
mkdir -p /var/lib/NetworkManager /etc/NetworkManager/system-connections /etc/NetworkManager/conf.d
cp "$ACP_WORK/bin/nmstatectl" /usr/local/bin/nmstatectl
# The lab runners copy network-manager-conf.sh next to this script.
. "$ACP_WORK/network-manager-conf.sh"
write_network_manager_conf
dbus-daemon --system --fork --nopidfile
NetworkManager --debug > "$dir/NetworkManager.log" 2>&1 &
i=0
until nmcli -t -f RUNNING general status 2>/dev/null | grep -q running; do
  i=$((i + 1)); [ "$i" -gt 150 ] && { echo "$node: NetworkManager did not start"; exit 1; }; sleep 0.2
done
nmcli -w 20 general status > /dev/null 2>&1 || true
nmcli con add type ethernet con-name mgmt0 ifname mgmt0 ipv4.method manual ipv4.addresses "$addr/24" ipv6.method disabled > /dev/null
nmcli -w 20 con up mgmt0 > /dev/null || echo "$node: nmcli con up mgmt0 failed"
i=0
until ip -4 addr show mgmt0 | grep -q "$addr/"; do i=$((i + 1)); [ "$i" -gt 50 ] && break; sleep 0.2; done
/usr/sbin/sshd -D -e -f "$dir/sshd_config" > "$dir/sshd.log" 2>&1 &
echo "$node: up ($addr)"
touch "$dir/ready"
wait

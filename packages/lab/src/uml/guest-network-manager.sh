# Starts a private system D-Bus and NetworkManager in the guest (keyfile only, no auto connections, no DNS, every
# device managed), then waits until NetworkManager answers. Connection profiles live on a tmpfs.
mount -t tmpfs -o mode=755 tmpfs /etc/NetworkManager
mkdir -p /etc/NetworkManager/system-connections /etc/NetworkManager/conf.d /run/dbus /var/lib/NetworkManager
# write_network_manager_conf: network-manager-conf.sh, placed before this snippet by guest-init-script.ts.
write_network_manager_conf
dbus-daemon --system --fork --nopidfile
NetworkManager --no-daemon > /var/log/NetworkManager.log 2>&1 &
ACP_NM_PID=$!
export ACP_NM_PID
i=0
until nmcli -t -f RUNNING general status 2>/dev/null | grep -q running; do
  i=$((i + 1))
  if [ "$i" -gt 150 ]; then echo "acp-guest: NetworkManager did not start"; cat /var/log/NetworkManager.log; break; fi
  sleep 0.2
done
# "startup complete" means NetworkManager has looked at every device it found at start.
nmcli -w 20 general status >/dev/null 2>&1 || true
echo "acp-guest: NetworkManager up"

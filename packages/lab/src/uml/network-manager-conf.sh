# The lab's NetworkManager.conf, one source for the guest's own NetworkManager (guest-network-manager.sh) and each
# nmstate node host's (nmstate-node-host.sh): keyfile only, no auto connections, no DNS, every device managed.
write_network_manager_conf() {
  cat > /etc/NetworkManager/NetworkManager.conf <<'CONF'
[main]
plugins=keyfile
no-auto-default=*
dns=none
rc-manager=unmanaged

[keyfile]
unmanaged-devices=none

[logging]
level=INFO
CONF
}

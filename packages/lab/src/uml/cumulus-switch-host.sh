# One Cumulus-like switch host, run as `ip netns exec SW unshare --uts --mount --propagation private sh THIS SW ADDR ETC`
# inside the User-Mode Linux guest: its own hostname; its own /etc/network (ifreload has no -i, so the whole folder is
# bind-mounted, which also lets a file be moved into place) and /etc/iproute2; a private /run/network (ifupdown2's
# lock), /var/tmp (its state), /tmp and /root; the management address; `ifreload -a` of the starting file; sshd.
set -u
sw=$1
addr=$2
etc=$3
dir="$ACP_WORK/switches/$sw"
hostname "$sw"
mount --bind "$etc/network" /etc/network
mount --bind "$etc/iproute2" /etc/iproute2
# Not a tmpfs over all of /run: the shared work folder is mounted at /run/acp-work.
mkdir -p /run/network /run/sshd
for d in /run/network /run/sshd /var/tmp /tmp /root; do mount -t tmpfs -o mode=755 tmpfs "$d"; done
chmod 1777 /tmp /var/tmp
ip addr add "$addr/24" dev mgmt0
ip link set mgmt0 up
if ! ifreload -a > "$dir/ifreload-boot.log" 2>&1; then echo "$sw: ifreload -a of the starting file failed"; cat "$dir/ifreload-boot.log"; fi
/usr/sbin/sshd -D -e -f "$dir/sshd_config" > "$dir/sshd.log" 2>&1 &
echo "$sw: up ($addr)"
touch "$dir/ready"
wait

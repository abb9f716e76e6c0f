# PID 1 of the User-Mode Linux guest: base system. The generated init sets ACP_HOST_WORK (host folder shared
# read-write) and ACP_MODULES (modules to load) before this snippet. The host's / is visible read-only.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8
mount -t proc proc /proc
# A read-only /sys tells NetworkManager there is no udev to wait for (it then manages devices at once).
mount -t sysfs -o ro sysfs /sys
# The kernel mounts devtmpfs on /dev by itself (CONFIG_DEVTMPFS_MOUNT); mount it only when it did not.
[ -c /dev/null ] || mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
for d in /run /tmp /var/tmp /var/lib /var/log; do mount -t tmpfs -o mode=755 tmpfs "$d"; done
chmod 1777 /tmp /var/tmp
# The work folder is mounted at a fixed guest path: the host path may sit under /tmp, which is a tmpfs here.
ACP_WORK=/run/acp-work
export ACP_WORK
mkdir -p "$ACP_WORK"
mount -t hostfs hostfs "$ACP_WORK" -o "$ACP_HOST_WORK"
# The project (bin/, dist/, node_modules/) at its own path, read-only: the controller runs from there. Needed when
# the checkout sits under a folder the tmpfs mounts above hid (a CI clone under /tmp, say); harmless otherwise.
if [ -n "${ACP_HOST_PROJECT:-}" ]; then
  mkdir -p "$ACP_HOST_PROJECT" 2>/dev/null
  mount -r -t hostfs hostfs "$ACP_HOST_PROJECT" -o "$ACP_HOST_PROJECT"
fi
echo 1 > /proc/sys/kernel/sysrq
hostname "${ACP_HOSTNAME:-uml-guest}"
mkdir -p /tmp/acp-modules/lib
ln -s /usr/lib/uml/modules /tmp/acp-modules/lib/modules
# shellcheck disable=SC2086
modprobe -a -d /tmp/acp-modules $ACP_MODULES
ip link set lo up
echo "acp-guest: base system up"

# Runs the payload from the work folder, records its output and exit code there, then powers the guest off so
# linux.uml exits. ACP_WORK is the guest path of the work folder.
cd "$ACP_WORK"
sh "$ACP_WORK/payload.sh" > "$ACP_WORK/payload.out" 2>&1
echo $? > "$ACP_WORK/exit-code"
[ -f /var/log/NetworkManager.log ] && cp /var/log/NetworkManager.log "$ACP_WORK/NetworkManager.log"
sync
echo "acp-guest: payload done, powering off"
echo o > /proc/sysrq-trigger
sleep 10

#!/bin/sh
# Records real nmstate outputs into test/fixtures/nmstate/recorded/: builds nmstatectl (cached), compiles
# acp-play, boots a User-Mode Linux guest with NetworkManager, applies the seed's node0 desired state with the real
# nmstatectl and saves show --json before/after, the --no-commit/rollback outputs and ip -d link evidence.
# Needs root, the Debian packages in scripts/system-packages.txt, and cargo for the first build.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
nmstatectl=$(sh scripts/build-nmstatectl.sh)
# tsc writes dist/ even when files elsewhere in the tree have type errors; only a missing output stops us.
node_modules/.bin/tsc -p tsconfig.json || echo "record: tsc reported type errors; continuing with the emitted dist/" >&2
[ -f packages/lab/dist/uml/nmstate-guest.js ] || { echo "record: packages/lab/dist/uml/nmstate-guest.js missing" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/acp-nmstate-record.XXXXXX")
trap 'rm -rf "$work"' EXIT
node --input-type=module -e "
import { runNmstateInGuest } from '$root/packages/lab/dist/uml/nmstate-guest.js';
const r = await runNmstateInGuest({
  nmstatectl: '$nmstatectl', workDir: '$work',
  desiredFile: 'test/fixtures/nmstate/desired/node0.yml',
  desiredPlusFile: 'test/fixtures/nmstate/desired/node0-plus-2006.yml',
});
process.stdout.write(r.output);
console.log('guest run: exit', r.exitCode, 'timed out', r.timedOut, 'in', r.durationMs, 'ms');
if (r.exitCode !== 0) { process.stdout.write(r.consoleText.slice(-4000)); process.exit(1); }
"
dest=test/fixtures/nmstate/recorded
mkdir -p "$dest"
for f in show-before.json show-after.json show-during-no-commit.json show-after-rollback.json; do
  # Pretty-printed so a diff of a re-recording is readable.
  node -e "const fs=require('fs');fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1],'utf8')),null,2)+'\n')" \
    "$work/out/$f" "$dest/$f"
done
for f in apply.log apply-no-commit.log rollback.log commit.log ip-link-enp4s0f0.2003.txt nm-connections.txt version.txt; do
  cp "$work/out/$f" "$dest/$f"
done
version=$(cat "$work/out/version.txt")
cat > "$dest/README.md" <<README
# Real nmstate outputs

Recorded by \`scripts/record-nmstate-fixtures.sh\` on $(date -u +%Y-%m-%d) with ${version} (built from crates.io by
scripts/build-nmstatectl.sh) driving NetworkManager $(NetworkManager --version 2>/dev/null || echo '?') inside a User-Mode Linux guest
(linux.uml $(dpkg-query -W -f='${Version}' user-mode-linux 2>/dev/null || echo '?')). The trunk NIC enp4s0f0 is a veth.
Desired states: test/fixtures/nmstate/desired/node0.yml (applied) and node0-plus-2006.yml (--no-commit, rolled back).

- show-before.json / show-after.json: \`nmstatectl show --json\` before and after \`apply node0.yml\`.
- show-during-no-commit.json / show-after-rollback.json: around \`apply --no-commit --timeout 10\` + \`rollback\`.
- apply*.log, rollback.log, commit.log: the commands' own output; ip-link-enp4s0f0.2003.txt: \`ip -d link show\`.
README
echo "recorded into $dest"

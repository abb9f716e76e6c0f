import { splitConfigBlocks } from '../cli-config-blocks.js';

/** Where acp-play puts the archive when allowed to configure it (`configure_archive: true`). */
export const IOS_ARCHIVE_PATH = 'flash:acp-play';

/** The config commands that turn the archive feature on. */
export const IOS_ARCHIVE_COMMANDS: readonly string[] = ['archive', `path ${IOS_ARCHIVE_PATH}`, 'exit'];

/**
 * `configure terminal revert timer` needs the archive feature: a top-level `archive` block with a `path` line in
 * running-config. Returns the path, or undefined when it is not configured.
 */
export function archivePath(runningConfig: string): string | undefined {
  const block = splitConfigBlocks(runningConfig).find((b) => /^archive$/i.test(b.header.trim()));
  const path = block?.children.find((c) => /^path\s+\S/i.test(c.text));
  return path?.text.replace(/^path\s+/i, '');
}

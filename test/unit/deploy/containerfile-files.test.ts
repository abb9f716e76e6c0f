import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The container image holds what the npm package holds: every entry of package.json "files" is copied into the
// image's /opt/acp-play, from the build stage (dist) or from the repository.
const root = join(import.meta.dirname, '..', '..', '..');
const containerfile = readFileSync(join(root, 'deploy', 'Containerfile'), 'utf8');
const files = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] }).files;

/** The paths the final stage copies to the image's working directory, by their name there. */
function copiedIntoImage(text: string): string[] {
  const finalStage = text.slice(text.lastIndexOf('\nFROM '));
  return [...finalStage.matchAll(/^COPY (?:--from=\S+ )?\S+ \.\/(\S+)$/gm)].map((m) => m[1]!);
}

describe('the Containerfile', () => {
  it('copies every entry of package.json "files" into the image', () => {
    expect(files).toContain('schema');
    expect(copiedIntoImage(containerfile)).toEqual(expect.arrayContaining(files));
  });

  it('would notice an entry left out (the check itself)', () => {
    const without = containerfile.replace(/^COPY schema \.\/schema$/m, '');
    expect(copiedIntoImage(without)).not.toContain('schema');
    expect(copiedIntoImage(containerfile)).toContain('schema');
  });
});

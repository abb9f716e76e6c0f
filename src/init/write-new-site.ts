import { lstat, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ConfigError, type Problem } from '../core/errors.js';
import { defaultPlatforms } from '../platforms/platform-list.js';
import { loadSite, type LoadedSite } from '../inventory/load-site.js';

/** Refuses a path that exists (a file, a directory, even an empty one): init never writes into one. */
export async function refuseExisting(dir: string): Promise<void> {
  const exists = await lstat(dir).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new ConfigError({
      severity: 'error',
      message: `${dir} already exists; init writes a new site only into a directory it creates`,
      fix: 'give a path that does not exist yet (init creates it), or remove the empty directory first',
    });
}

/**
 * Writes a new site: first into a temporary directory, where it must load as a valid site (warnings allowed: the
 * values still to fill in), then into `dir`, which is created for it (an existing path is refused, and nothing
 * is changed). Returns the loaded site's warnings, located in `dir`.
 */
export async function writeNewSite(dir: string, files: ReadonlyMap<string, string>): Promise<readonly Problem[]> {
  await refuseExisting(dir);
  const scratch = await mkdtemp(join(tmpdir(), 'acp-play-init-'));
  try {
    await writeTree(scratch, files);
    await loadSite(scratch, defaultPlatforms()).catch((error: unknown) => {
      throw error instanceof ConfigError ? answersError(error, scratch) : error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await mkdir(dirname(dir), { recursive: true });
  try {
    await mkdir(dir); // fails when the path appeared meanwhile: still never an existing directory
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') await refuseExisting(dir);
    throw error;
  }
  try {
    await writeTree(dir, files);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const loaded: LoadedSite = await loadSite(dir, defaultPlatforms());
  return loaded.warnings;
}

async function writeTree(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const [path, text] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text.endsWith('\n') ? text : `${text}\n`, { flag: 'wx' });
  }
}

/** The answers make a site that does not validate: the problems, named by the file they would be in. */
function answersError(error: ConfigError, scratch: string): ConfigError {
  const problems = error.problems
    .filter((p) => p.severity === 'error')
    .map((p): Problem => ({
      severity: 'error',
      message: `the answers make an invalid site: ${p.message}${p.location ? ` (${relative(scratch, p.location.file)})` : ''}`,
      fix: p.fix ?? 'correct the answers',
    }));
  return new ConfigError(problems, { cause: error });
}

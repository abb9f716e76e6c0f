import { describe, expect, it } from 'vitest';
import { defaultModules } from '../../../src/engine/default-modules.js';
import { defaultPlatforms, PLATFORMS } from '../../../src/platforms/platform-list.js';
import { PlatformRegistry } from '../../../src/platforms/platform-registry.js';
import { MODULE_NAMES } from '../../../src/playbook/module-args.js';

describe('the modules of a run', () => {
  it('are the switch modules and the modules the platforms bring: every module a playbook may name', () => {
    const modules = defaultModules(defaultPlatforms());
    expect(MODULE_NAMES.map((name) => modules.get(name)?.name)).toEqual(MODULE_NAMES);
  });

  it('come from the registry given: without the linux platform there is no command module', () => {
    const modules = defaultModules(new PlatformRegistry(PLATFORMS.filter((p) => p.id !== 'linux')));
    expect(modules.get('command')).toBeUndefined();
    expect(modules.get('nmstate')?.name).toBe('nmstate');
  });
});

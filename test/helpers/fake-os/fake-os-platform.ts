import type { PlatformSpec } from '../../../src/platforms/platform-spec.js';
import { FAKE_OS_COMMANDS, parseFakeOsConfig } from './fake-os-config.js';
import { fakeOsDriver } from './fake-os-driver.js';

/**
 * A throwaway switch platform that exists only in the tests: this folder, its template (under
 * test/fixtures/fake-os/templates) and the registry line a test adds (`defaultPlatforms().with(fakeOsPlatform)`).
 */
export const fakeOsPlatform: PlatformSpec = {
  id: 'fake_os',
  aliases: ['acme.fake_os.fake_os'],
  role: 'switch',
  hostVars: { fake_profile: { type: 'string', description: 'a setting only fake_os hosts have' } },
  template: { path: 'switch/fake_os/running-config.njk', extension: 'conf' },
  switch: {
    kind: 'commands',
    interfaceNames: { types: ['eth'], frontPanel: (n) => `eth${n}` },
    planning: { nativeAlwaysAllowed: false, unlistedPortCarries: 'all-vlans' },
    parse: parseFakeOsConfig,
    emitter: FAKE_OS_COMMANDS,
    driver: fakeOsDriver,
  },
};

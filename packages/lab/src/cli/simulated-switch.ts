import { ConfigError } from 'acp-play/core/errors.js';
import type { PlatformCatalog } from 'acp-play/core/platform.js';
import type { SimulatorLoader } from 'acp-play/core/simulator.js';
import type { PlatformSpec } from 'acp-play/platforms/platform-spec.js';
import { platformSimulator } from '../simulator-list.js';

/** A switch platform the lab simulates: its spec, and the loader of its simulator. */
export type SimulatedSwitch = PlatformSpec & { readonly simulator: SimulatorLoader };

/** The switch platform `spec` with its simulator; undefined when the lab has none for it. */
function withSimulator(spec: PlatformSpec | undefined): SimulatedSwitch | undefined {
  const simulator = spec?.role === 'switch' ? platformSimulator(spec.id) : undefined;
  return spec && simulator ? { ...spec, simulator } : undefined;
}

/** The switch platforms the lab can simulate, in registry order. */
export function simulatedSwitches(platforms: PlatformCatalog<PlatformSpec>): SimulatedSwitch[] {
  return platforms.all.flatMap((p) => withSimulator(p) ?? []);
}

/** The simulated switch platform `--platform NAME` names (an id or alias); a ConfigError listing them otherwise. */
export function simulatedSwitch(platforms: PlatformCatalog<PlatformSpec>, name: string): SimulatedSwitch {
  const simulated = withSimulator(platforms.resolve(name));
  if (simulated) return simulated;
  throw new ConfigError({
    severity: 'error',
    message: `--platform ${name} is not simulated`,
    fix: `use one of ${simulatedSwitches(platforms)
      .map((p) => p.id)
      .join(', ')}`,
  });
}

import { ConfigError } from '../core/errors.js';
import type { PlatformCatalog } from '../core/platform.js';
import type { SimulatorLoader } from '../core/simulator.js';
import type { PlatformSpec } from '../platforms/platform-spec.js';

/** A switch platform whose spec brings a simulator. */
export type SimulatedSwitch = PlatformSpec & { readonly simulator: SimulatorLoader };

/** The switch platforms the lab can simulate, in registry order. */
export function simulatedSwitches(platforms: PlatformCatalog<PlatformSpec>): SimulatedSwitch[] {
  return platforms.all.filter((p): p is SimulatedSwitch => p.role === 'switch' && p.simulator !== undefined);
}

/** The simulated switch platform `--platform NAME` names (an id or alias); a ConfigError listing them otherwise. */
export function simulatedSwitch(platforms: PlatformCatalog<PlatformSpec>, name: string): SimulatedSwitch {
  const spec = platforms.resolve(name);
  if (spec?.role === 'switch' && spec.simulator) return spec as SimulatedSwitch;
  throw new ConfigError({
    severity: 'error',
    message: `--platform ${name} is not simulated`,
    fix: `use one of ${simulatedSwitches(platforms)
      .map((p) => p.id)
      .join(', ')}`,
  });
}

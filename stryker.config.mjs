// Mutation testing of the pure core: `npm run mutate` (docs/mutation.md). Not part of `npm test`: it runs the unit
// suite once per mutant, which takes far longer than CI allows.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  // Mutants reached only while test files load (fixtures read at collection) are not counted; see docs/mutation.md.
  ignoreStatic: true,
  mutate: [
    // Planners
    'src/platforms/switch-plan.ts',
    'src/platforms/switch-port-plan.ts',
    'src/platforms/switch-member-plan.ts',
    'src/platforms/switch-vlan-removals.ts',
    'src/platforms/switch-state-compare.ts',
    'src/platforms/nmstate/nmstate-plan.ts',
    'src/platforms/nmstate/nmstate-node-plan.ts',
    // Parsers
    'src/platforms/cisco-config-interpreter.ts',
    'src/platforms/cisco-nxos/nxos-parse.ts',
    'src/platforms/arista-eos/eos-parse.ts',
    'src/platforms/cisco-ios/ios-parse.ts',
    'src/platforms/cisco-ios/ios-switchport.ts',
    'src/platforms/cisco-ios/ios-vlan-brief.ts',
    'src/platforms/cumulus/cumulus-parse.ts',
    'src/platforms/cumulus/cumulus-eni.ts',
    'src/platforms/cumulus/cumulus-bridge-json.ts',
    // VLAN sets
    'src/inventory/vlan-set.ts',
    // nmstate comparison
    'src/platforms/nmstate/nmstate-compare.ts',
    'src/platforms/nmstate/nmstate-state-compare.ts',
  ],
  // The machine running it is shared; two test runners at most.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'out', 'reports', '.acp-play', 'coverage', 'bench', 'fuzz', 'deploy'],
  thresholds: { high: 90, low: 85, break: 85 },
};

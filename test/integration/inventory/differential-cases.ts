/**
 * The inventories the differential test reads with both acp-play and the real ansible-inventory. Paths are relative
 * to the repository; the corpus and where each file comes from: test/fixtures/ansible-inventory/MANIFEST.tsv.
 */
export interface DifferentialCase {
  /** What `-i` gets: a file or a folder. */
  readonly path: string;
  /** A vault password file both are given. */
  readonly vaultPasswordFile?: string;
  /** Both refuse it: Ansible cannot parse it, and acp-play exits 3 with this message. */
  readonly bothRefuse?: RegExp;
  /** A deliberate difference: acp-play refuses what Ansible reads (docs/inventory.md says why). */
  readonly acpPlayRefuses?: { readonly message: RegExp; readonly why: string };
  /** Uses acp-play's structured keys (site, node, switch) at several levels: acp-play merges them key by key. */
  readonly mergesSiteKeys?: boolean;
}

const C = 'test/fixtures/ansible-inventory';

export const DIFFERENTIAL_CASES: readonly DifferentialCase[] = [
  // ansible/ansible's own test inventories
  ...[
    'ansible_complex.ini',
    'ansible_valid_sample.yml',
    'ansible_inventory_yaml_test.yml',
    'ansible_inventory_ini.ini',
    'ansible_unicode_inventory.ini',
    'ansible_special_vars_hosts.ini',
    'ansible_group_by',
    'ansible_group_by/inventory.group_by',
    'ansible_constructed_invs1',
    'ansible_hash',
    'ansible_hash/test_inv1.yml',
    'ansible_hash/test_inv2.yml',
    'ansible_var_blending',
    'ansible_lookup_inventory_hostnames.ini',
    'ansible_delegate_to.ini',
    'ansible_inv_with_int.yml',
    'ansible_invalid_group_name.ini',
    'ansible_hosts_field.ini',
  ].map((p) => ({ path: `${C}/${p}` })),
  {
    path: `${C}/ansible_invalid_sample.yml`,
    acpPlayRefuses: {
      message: /variable name 7\.2 is not a string/,
      why: 'a variable name that is not a string (Ansible accepts it with a deprecation warning until 2.23)',
    },
  },
  // the inventory guide's examples (ansible/ansible-documentation)
  ...[
    'basic.ini',
    'basic.yml',
    'multiple_groups.yml',
    'children.yml',
    'range.ini',
    'range_stride.ini',
    'range_letters.ini',
    'host_vars.ini',
    'host_vars.yml',
    'port.ini',
    'connection_vars.ini',
    'alias.ini',
    'group_vars.ini',
    'group_vars.yml',
    'subgroups.yml',
    'behavioral.ini',
    'per_environment',
    'location.ini',
  ].map((p) => ({ path: `${C}/ansible_docs/${p}` })),
  { path: `${C}/ansible_docs/subgroups.ini`, bothRefuse: /lists group `northeast`, which no section declares/ },
  // network inventories
  ...[
    'sbx_nxos',
    'sbx_nxos_hosts-groups.ini',
    'avd_single-dc-l3ls',
    'avd_single-dc-l3ls/inventory.yml',
    'redhatedge_example-network-config_inventory.yml',
    'ceph_all_daemons',
    'ceph_lvm-osds_hosts',
  ].map((p) => ({ path: `${C}/${p}` })),
  // AlanCoding's inventory examples and counter-examples
  ...[
    'alancoding_host_patterns.ini',
    'alancoding_list_val_vars',
    'alancoding_double',
    'alancoding_migrated_test_content.ini',
    'alancoding_ordered',
    'alancoding_everything',
    'alancoding_vars_dirs',
    'alancoding_two',
    'alancoding_empty_connected.ini',
    'alancoding_ungrouped_and_grouped.ini',
    'alancoding_vars_template',
    'alancoding_datetime',
    'alancoding_AWX2574_inv-dev',
    'alancoding_precedence_from_docs.yml',
    'alancoding_precedence_depth_win.yml',
    'alancoding_duplicate_group.yml',
    'alancoding_yaml_example.yml',
  ].map((p) => ({ path: `${C}/${p}` })),
  { path: `${C}/alancoding_vault`, vaultPasswordFile: `${C}/alancoding_vault_password` },
  // probes written for this test: the differences once measured, each pinned
  ...[
    'ini_values.ini',
    'pyyaml.yml',
    'ranges.ini',
    'priority.ini',
    'ports.ini',
    'yaml_strings.yml',
    'several_sources',
  ].map((p) => ({ path: `${C}/probes/${p}` })),
  // acp-play's own inventories
  { path: 'test/fixtures/inventories/ini-edge' },
  { path: 'test/fixtures/inventories/precedence', mergesSiteKeys: true },
  { path: 'inventories/site1', mergesSiteKeys: true },
];

/** MANIFEST entries that are not inventories of their own (an expected output, a vault password). */
export const NOT_INVENTORIES = ['ansible_inventory_yaml_success.json', 'alancoding_vault_password'];

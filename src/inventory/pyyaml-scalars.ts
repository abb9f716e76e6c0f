import type { ScalarTag, Tags } from 'yaml';
import { YamlTimestamp } from '../core/yaml-timestamp.js';

/**
 * Plain scalars resolved the way PyYAML 6 resolves them (its `Resolver` and `SafeConstructor`), which is YAML 1.1
 * as Ansible reads it. It differs from the YAML 1.1 specification in ways users meet: `y` and `n` are strings (only
 * yes/no, true/false, on/off are booleans), `1e3` and `1.0e3` are strings (a float needs a dot, and a signed
 * exponent), `.5` is a float but `-.5` a string, `0o17` is a string, `0755` is octal, `1:30` is 90, a timestamp keeps
 * its zone as written, and a lone `=` cannot be read.
 */

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const TRUE_WORDS = new Set(['yes', 'true', 'on']);
const NULL = /^(?:~|null|Null|NULL|)$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const TIMESTAMP_PARTS =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$/;

/** Base-60 digits (`1:30` -> 90), as PyYAML reads ints and floats with colons. */
function sexagesimal(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function signed(text: string): { sign: number; rest: string } {
  const sign = text.startsWith('-') ? -1 : 1;
  return { sign, rest: text[0] === '-' || text[0] === '+' ? text.slice(1) : text };
}

function resolveInt(source: string): number {
  const { sign, rest } = signed(source.replace(/_/g, ''));
  if (rest === '0') return 0;
  if (rest.startsWith('0b')) return sign * parseInt(rest.slice(2), 2);
  if (rest.startsWith('0x')) return sign * parseInt(rest.slice(2), 16);
  if (rest.startsWith('0')) return sign * parseInt(rest, 8);
  if (rest.includes(':')) return sign * sexagesimal(rest);
  return sign * Number(rest);
}

function resolveFloat(source: string): number {
  const { sign, rest } = signed(source.replace(/_/g, '').toLowerCase());
  if (rest === '.inf') return sign * Infinity;
  if (rest === '.nan') return NaN;
  if (rest.includes(':')) return sign * sexagesimal(rest);
  return sign * Number(rest);
}

function resolveTimestamp(source: string, onError: (message: string) => void): YamlTimestamp | string {
  const m = TIMESTAMP_PARTS.exec(source);
  if (!m) return source;
  const [, y, mo, d, h, mi, s, fraction, zone, zoneSign, zoneHour, zoneMinute] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  if (year < 1 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    onError(`${source} is not a date (YAML reads an unquoted YYYY-MM-DD as one); quote it to keep it text`);
    return source;
  }
  if (h === undefined) return new YamlTimestamp(year, month, day);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) {
    onError(`${source} is not a time of day; quote it to keep it text`);
    return source;
  }
  const microsecond = fraction ? Number(fraction.slice(0, 6).padEnd(6, '0')) : 0;
  let offsetMinutes: number | undefined;
  if (zoneSign) offsetMinutes = (zoneSign === '-' ? -1 : 1) * (Number(zoneHour) * 60 + Number(zoneMinute ?? 0));
  else if (zone) offsetMinutes = 0;
  return new YamlTimestamp(year, month, day, {
    hour,
    minute,
    second,
    microsecond,
    ...(offsetMinutes !== undefined ? { offsetMinutes } : {}),
  });
}

const PYYAML_SCALARS: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:null', default: true, test: NULL, resolve: () => null },
  { tag: 'tag:yaml.org,2002:bool', default: true, test: BOOL, resolve: (s) => TRUE_WORDS.has(s.toLowerCase()) },
  { tag: 'tag:yaml.org,2002:int', default: true, test: INT, resolve: resolveInt },
  { tag: 'tag:yaml.org,2002:float', default: true, test: FLOAT, resolve: resolveFloat },
  { tag: 'tag:yaml.org,2002:timestamp', default: true, test: TIMESTAMP, resolve: resolveTimestamp },
  {
    tag: 'tag:yaml.org,2002:value',
    default: true,
    test: /^=$/,
    resolve: (s, onError) => {
      onError('a plain `=` is YAML 1.1\'s "value" key, which Ansible cannot read; quote it ("=")');
      return s;
    },
  },
];

/** `!!int 5`, `!!float 5`: an explicit tag converts as PyYAML's constructor does, whatever the text looks like. */
const EXPLICIT: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:int', default: false, resolve: (s, onError) => number(resolveInt(s), s, 'int', onError) },
  {
    tag: 'tag:yaml.org,2002:float',
    default: false,
    resolve: (s, onError) => number(resolveFloat(s), s, 'float', onError),
  },
];

function number(value: number, source: string, tag: string, onError: (message: string) => void): number | string {
  if (Number.isNaN(value) && !/nan/i.test(source)) {
    onError(`!!${tag} ${source} is not a number`);
    return source;
  }
  return value;
}

const REPLACED = new Set(PYYAML_SCALARS.map((t) => t.tag));
const REPLACED_IDS = new Set([
  'bool',
  'float',
  'floatExp',
  'floatNaN',
  'floatTime',
  'int',
  'intHex',
  'intOct',
  'intTime',
  'null',
  'timestamp',
]);

/**
 * The `customTags` option that turns the yaml package's YAML 1.1 schema into PyYAML's: its own scalar resolution is
 * replaced by the tags above (explicit `!!int`, `!!str`, ... still work), the collections (`!!set`, `!!omap`,
 * `!!binary`, merge keys) are kept, and `extra` (Ansible's `!vault`, `!unsafe`) are added.
 */
export function pyyamlTags(extra: readonly ScalarTag[] = []): (tags: Tags) => Tags {
  return (tags) => [
    ...tags.filter((t) =>
      typeof t === 'string' ? !REPLACED_IDS.has(t) : t.collection !== undefined || !REPLACED.has(t.tag),
    ),
    ...PYYAML_SCALARS,
    ...EXPLICIT,
    ...extra,
  ];
}

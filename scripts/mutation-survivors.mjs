#!/usr/bin/env node
// Lists the mutants of the last `npm run mutate` that no test killed (Survived and NoCoverage), per file, with the
// line, the mutator, the replacement and the source line, read from reports/mutation/mutation.json
// (docs/mutation.md). `node scripts/mutation-survivors.mjs [PART-OF-A-PATH]` lists only the files whose path holds it.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8'));
const only = process.argv[2];

for (const [file, { source, mutants }] of Object.entries(report.files)) {
  if (only !== undefined && !file.includes(only)) continue;
  const lines = source.split('\n');
  const left = mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
  if (left.length === 0) continue;
  console.log(`\n${file} (${left.length})`);
  for (const m of left) {
    const { line, column } = m.location.start;
    const status = m.status === 'NoCoverage' ? ' not covered' : '';
    const code = lines[line - 1].trim().slice(0, 120);
    console.log(`  ${line}:${column}${status} ${m.mutatorName}: ${JSON.stringify(m.replacement)}  | ${code}`);
  }
}

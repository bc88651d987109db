// Writes a new migration from the difference between the committed schema and the working one:
//   DATABASE_URL=postgresql://... npm run db:migration -- <name>
// The diff changes nothing in that database; Prisma's CLI only needs a connection to run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '../src/config.js';

const name = process.argv[2];
if (name === undefined || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    'Usage: DATABASE_URL=postgresql://... npm run db:migration -- <name_in_snake_case>',
  );
  process.exit(1);
}
if (loadConfig().DATABASE_URL === undefined) {
  console.error('Set DATABASE_URL to a PostgreSQL server (nothing is changed in it).');
  process.exit(1);
}

const committed = join(mkdtempSync(join(tmpdir(), 'inchannel-schema-')), 'schema.prisma');
writeFileSync(committed, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma']));

const sql = execFileSync(
  'npx',
  [
    'prisma',
    'migrate',
    'diff',
    '--from-schema-datamodel',
    committed,
    '--to-schema-datamodel',
    'prisma/schema.prisma',
    '--script',
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
  console.error('The working schema does not differ from the committed one: nothing to write.');
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'migration.sql'), sql);
console.log(`Wrote ${folder}/migration.sql`);

// Writes manifest.json from COMMANDS. A test fails when the file and the commands disagree.
import { writeFileSync } from 'node:fs';

import { buildManifest } from './manifest.js';

const path = new URL('./manifest.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(buildManifest(), null, 2)}\n`);

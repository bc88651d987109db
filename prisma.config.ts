// Configuration of the Prisma CLI (generate, migrate). No native engine is ever downloaded: the
// CLI's WebAssembly schema engine talks to the database through the same driver adapters the
// bot uses. Without DATABASE_URL the CLI works on the embedded PGlite directory.
import { defineConfig } from 'prisma/config';

import { openCliAdapter } from './src/store/cli-adapter.js';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: openCliAdapter,
});

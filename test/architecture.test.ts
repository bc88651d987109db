import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { COMMANDS } from '../commands/index.js';
import { ROOT } from './support/processes.js';

function sources(folder: string): string[] {
  const root = join(ROOT, folder);
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    if (name === 'generated' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(relative(ROOT, path));
    return name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the layout shows the architecture', () => {
  it('lists every command file in the command index exactly once', () => {
    const files = readdirSync(join(ROOT, 'commands')).filter((name) => name !== 'index.ts');
    const index = read('commands/index.ts');
    for (const file of files) {
      const imports = index.match(new RegExp(`from './${file.replace('.ts', '.js')}'`, 'g')) ?? [];
      expect(imports, file).toHaveLength(1);
    }
    const names = COMMANDS.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(files.length);
  });

  it('keeps chat SDKs inside adapters/', () => {
    const outside = [...sources('src'), ...sources('commands')].filter((path) =>
      /from '(@slack\/bolt|@slack\/web-api|discord\.js)'/.test(read(path)),
    );
    expect(outside).toEqual([]);
  });

  it('reads the environment only in the config module, and builds Prisma in one place', () => {
    const code = [...sources('src'), ...sources('commands'), ...sources('adapters')];
    expect(code.filter((path) => read(path).includes('process.env'))).toEqual(['src/config.ts']);
    expect(code.filter((path) => read(path).includes('new PrismaClient'))).toEqual([
      'src/store/database.ts',
    ]);
  });
});

// The TypeScript declarations describe exactly what lib/hwbridge.js exports, and they type-check
// against polkadot-js's own Signer and Injected types (types-check/usage.ts).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import * as hwbridge from '../lib/hwbridge.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DECLARATIONS = readFileSync(join(ROOT, 'lib', 'hwbridge.d.ts'), 'utf8');

describe('hwbridge.d.ts', { timeout: 120_000 }, () => {
  it('declares every value the module exports, and nothing else', () => {
    const declared = [...DECLARATIONS.matchAll(/^export declare (?:const|class|function) (\w+)/gm)].map((m) => m[1]);
    assert.deepEqual(declared.sort(), Object.keys(hwbridge).sort());
  });

  it('declares the error codes the module has, with the same numbers', () => {
    const block = /export declare const ErrorCode: Readonly<\{([\s\S]*?)\}>;/.exec(DECLARATIONS)[1];
    const declared = Object.fromEntries([...block.matchAll(/^\s+(\w+): (-?\d+);/gm)].map((m) => [m[1], Number(m[2])]));
    assert.deepEqual(declared, { ...hwbridge.ErrorCode });
  });

  it('declares the method wrappers the client has', () => {
    const client = new hwbridge.HwbridgeClient();
    for (const namespace of ['bridge', 'device', 'session', 'account', 'backup', 'chain']) {
      const block = new RegExp(`readonly ${namespace}: \\{([\\s\\S]*?)\\n  \\};`).exec(DECLARATIONS)[1];
      const declared = [...block.matchAll(/^ {4}readonly (\w+):/gm)].map((m) => m[1]);
      assert.deepEqual(declared.sort(), Object.keys(client[namespace]).sort(), namespace);
    }
  });

  it('type-checks a typed usage against @polkadot/types Signer and @polkadot/extension-inject Injected', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(ROOT, 'types-check', 'tsconfig.json')],
      { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
});

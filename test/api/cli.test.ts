import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { request } from 'undici';

/** Starts `test/sandbox/main.ts` (what dist/sandbox.js bundles) and reads its two announcement lines. */
async function launch(args: string[]): Promise<{ child: ChildProcess; env: Record<string, string> }> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'test/sandbox/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const env: Record<string, string> = {};
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const [key, ...value] = line.split('=');
    env[key] = value.join('=');
    if ('SINAS_URL' in env && 'SINAS_API_KEY' in env) break;
  }
  return { child, env };
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  return code as number | null;
}

describe('sandbox command line', () => {
  it('prints SINAS_URL and SINAS_API_KEY, serves, and exits 0 on SIGTERM', async () => {
    const { child, env } = await launch(['--port', '0', '--api-key', 'cli-key', '--seed', 'test/sandbox/seed']);
    try {
      assert.match(env.SINAS_URL, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(env.SINAS_API_KEY, 'cli-key');
      const res = await request(`${env.SINAS_URL}/api/v1/llm-providers`, { headers: { 'x-api-key': 'cli-key' } });
      assert.equal(res.statusCode, 200);
      assert.ok(((await res.body.json()) as unknown[]).length >= 3);
    } finally {
      assert.equal(await stop(child), 0);
    }
  });

  it('--no-variables and --faults are honoured', async () => {
    const { child, env } = await launch(['--no-variables', '--faults']);
    try {
      const faults = await request(`${env.SINAS_URL}/__sandbox/faults`);
      assert.equal(faults.statusCode, 200);
      await faults.body.dump();
      const preview = await request(`${env.SINAS_URL}/api/v1/packages/preview`, {
        method: 'POST',
        headers: { 'x-api-key': env.SINAS_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'apiVersion: sinas.co/v1\nkind: SinasPackage\npackage:\n  name: p\nspec: {}\n' }),
      });
      const body = (await preview.body.json()) as Record<string, unknown>;
      assert.equal('requires_input' in body, false);
    } finally {
      await stop(child);
    }
  });

  it('rejects a bad port with exit code 1 and a message', async () => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'test/sandbox/main.ts', '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(stderr, /--port must be 0\.\.65535/);
  });
});

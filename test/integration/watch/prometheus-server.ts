import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Debian's Prometheus (package `prometheus`, installed by scripts/ensure-setup.mjs --system). */
export const PROMETHEUS = '/usr/bin/prometheus';

export function prometheusMissing(): string | undefined {
  return existsSync(PROMETHEUS) ? undefined : `${PROMETHEUS} is missing: apt-get install prometheus (npm test does)`;
}

/** A free loopback port: Prometheus cannot be told to pick one and say which. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A Prometheus of the test's own: loopback only, its own config and storage, scraping `target` every second. */
export interface TestPrometheus {
  readonly url: string;
  /** Instant query; returns the result vector. */
  query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
}

export async function startPrometheus(dir: string, target: string): Promise<TestPrometheus> {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}',
      'scrape_configs:',
      '  - job_name: acp-play-watch',
      `    static_configs: [{targets: ['${target}']}]`,
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  let log = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    child = spawn(
      PROMETHEUS,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const url = `http://127.0.0.1:${port}`;
    const ready = await waitReady(url, child);
    if (ready) return prometheusAt(url, child);
    child.kill('SIGKILL');
  }
  throw new Error(`prometheus did not start:\n${log.slice(-2000)}`);
}

async function waitReady(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) return false; // the port was taken in between: try another
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function prometheusAt(url: string, child: ChildProcess): TestPrometheus {
  return {
    url,
    async query(promql) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await res.json()) as { status: string; data: { result: [] }; error?: string };
      if (body.status !== 'success') throw new Error(`prometheus: ${promql}: ${body.error}`);
      return body.data.result;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

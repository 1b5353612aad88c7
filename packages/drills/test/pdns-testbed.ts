import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Resolver } from 'node:dns/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../src/clock.js';

export const PDNS_SERVER = '/usr/sbin/pdns_server';

export function pdnsAvailable(): boolean {
  return existsSync(PDNS_SERVER);
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * PowerDNS Authoritative (bind backend) serving `zone` with one health-checked LUA record:
 * `app` answers the first address set whose URL check passes (ifurlup), checked every second.
 */
export class PowerDns {
  private constructor(
    private readonly proc: ChildProcess,
    private readonly dir: string,
    readonly server: string,
    private readonly log: () => string,
  ) {}

  static async start(options: {
    zone: string;
    checkUrl: string;
    addresses: readonly (readonly string[])[];
  }): Promise<PowerDns> {
    const dir = await mkdtemp(join(tmpdir(), 'okemesh-pdns-'));
    const port = await freePort();
    const sets = options.addresses.map((set) => `{${set.map((a) => `'${a}'`).join(', ')}}`).join(', ');
    await writeFile(
      join(dir, 'pdns.conf'),
      [
        'launch=bind',
        `bind-config=${join(dir, 'named.conf')}`,
        'local-address=127.0.0.1',
        `local-port=${port}`,
        'enable-lua-records=yes',
        'lua-health-checks-interval=1',
        `socket-dir=${dir}`,
        'daemon=no',
        'guardian=no',
        'disable-syslog=yes',
        'write-pid=no',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'named.conf'),
      `zone "${options.zone}" { type master; file "${join(dir, 'zone')}"; };\n`,
    );
    await writeFile(
      join(dir, 'zone'),
      [
        `$ORIGIN ${options.zone}.`,
        `@ 3600 IN SOA ns1.${options.zone}. hostmaster.${options.zone}. 1 3600 600 604800 60`,
        `@ 3600 IN NS ns1.${options.zone}.`,
        'ns1 3600 IN A 127.0.0.1',
        `app 1 IN LUA A "ifurlup('${options.checkUrl}', {${sets}})"`,
        '',
      ].join('\n'),
    );
    let output = '';
    const proc = spawn(PDNS_SERVER, [`--config-dir=${dir}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const pdns = new PowerDns(proc, dir, `127.0.0.1:${port}`, () => output);
    await pdns.ready(options.zone);
    return pdns;
  }

  private async ready(zone: string): Promise<void> {
    const resolver = new Resolver({ timeout: 200, tries: 1 });
    resolver.setServers([this.server]);
    for (let i = 0; i < 50; i += 1) {
      if (
        await resolver.resolve4(`app.${zone}`).then(
          () => true,
          () => false,
        )
      )
        return;
      await sleep(100);
    }
    throw new Error(`PowerDNS did not answer on ${this.server}:\n${this.log()}`);
  }

  async close(): Promise<void> {
    this.proc.kill('SIGTERM');
    await new Promise((resolve) =>
      this.proc.exitCode === null ? this.proc.once('exit', resolve) : resolve(null),
    );
    await rm(this.dir, { recursive: true, force: true });
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { spawnProcess } from './running-process';
import type { ProcessSpec } from './supervisor';

export interface NginxUpstreams {
  intake: number[];
  reporting: number[];
}

/** Debian's nginx (apt-get install -y nginx), or the one on the PATH. */
export function nginxBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'nginx'))])
    if (candidate && fs.existsSync(candidate)) return candidate;
  return undefined;
}

/**
 * The load balancer's configuration: the counters' API and the web application to the intake processes, the
 * figures, dashboard, audit and work queues to the reporting processes. Passive health: a server that fails twice
 * is left out for 5 s. Idle upstream connections are closed after 4 s, before the apps' own keep-alive timeout
 * (Node's 5 s) does it: otherwise nginx now and then sends a request on a connection the app is closing, gets a
 * reset, and counts it as the server failing — twice, and a healthy intake is left out for 5 s, which with the
 * other one killed leaves no upstream at all (502 "no live upstreams", seen in the fault test with 32 clients).
 * A request whose upstream refused the connection goes to the other one (nginx does this for every method when
 * nothing was sent); idempotent requests also after an error, a timeout or a 502/503; receipts
 * (POST /api/v1/dossiers) too, because the Idempotency-Key makes a repeated receipt answer the first one. The live
 * stream (server-sent events) is not buffered.
 */
export function nginxConfig(options: { port: number; upstreams: NginxUpstreams; dir: string; root: boolean }): string {
  const { port, upstreams, dir } = options;
  const servers = (ports: number[]): string =>
    ports.map((p) => `    server 127.0.0.1:${p} max_fails=2 fail_timeout=5s;`).join('\n');
  const proxy = (upstream: string, extra: string[] = []): string =>
    [`      proxy_pass http://${upstream};`, ...extra.map((line) => `      ${line}`)].join('\n');
  const tmp = (name: string): string => path.join(dir, 'tmp', name);
  return `# Written by scripts/cluster/nginx.ts for npm run cluster:local; rewritten at each start.
${options.root ? 'user nobody nogroup;\n' : ''}daemon off;
master_process on;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${tmp('client')};
  proxy_temp_path ${tmp('proxy')};
  fastcgi_temp_path ${tmp('fastcgi')};
  uwsgi_temp_path ${tmp('uwsgi')};
  scgi_temp_path ${tmp('scgi')};
  client_max_body_size 12m;
  client_body_buffer_size 1m;
  proxy_max_temp_file_size 0;
  upstream intake {
${servers(upstreams.intake)}
    keepalive 32;
    keepalive_timeout 4s;
  }
  upstream reporting {
${servers(upstreams.reporting)}
    keepalive 16;
    keepalive_timeout 4s;
  }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $http_host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_connect_timeout 2s;
  proxy_read_timeout 120s;
  proxy_next_upstream error timeout http_502 http_503;
  proxy_next_upstream_tries 3;
  proxy_next_upstream_timeout 15s;
  server {
    listen 127.0.0.1:${port};
    location = /nginx-health { return 200 "ok\\n"; }
    location = /api/v1/dossiers {
${proxy('intake', ['proxy_next_upstream error timeout http_502 http_503 non_idempotent;'])}
    }
    location /api/v1/live {
${proxy('intake', ['proxy_buffering off;', 'proxy_cache off;', 'proxy_read_timeout 1h;'])}
    }
    location /api/v1/reports {
${proxy('reporting')}
    }
    location /api/v1/audit {
${proxy('reporting')}
    }
    location /api/v1/work-queue {
${proxy('reporting')}
    }
    location / {
${proxy('intake')}
    }
  }
}
`;
}

/** nginx as a child process (`daemon off`) on the generated configuration under `<dir>/nginx`. */
export function nginxSpec(options: {
  port: number;
  upstreams: NginxUpstreams;
  dir: string;
  logDir: string;
}): ProcessSpec {
  const url = `http://127.0.0.1:${options.port}/nginx-health`;
  return {
    name: 'nginx',
    launch: () => {
      const binary = nginxBinary();
      if (!binary) throw new Error('nginx is not installed: apt-get install -y nginx');
      const root = process.getuid?.() === 0;
      for (const name of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
        fs.mkdirSync(path.join(options.dir, 'tmp', name), { recursive: true });
        if (root) fs.chmodSync(path.join(options.dir, 'tmp', name), 0o777);
      }
      const file = path.join(options.dir, 'nginx.conf');
      fs.writeFileSync(file, nginxConfig({ ...options, root }));
      return spawnProcess({
        command: binary,
        args: ['-e', 'stderr', '-p', options.dir, '-c', file],
        logFile: path.join(options.logDir, 'nginx.log'),
        ready: { probe: async () => (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok },
        timeoutMs: 20_000,
      });
    },
    probe: async () => ({ healthy: (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok }),
  };
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '@app/platform';

/** The ports and the secret of a cluster folder, chosen once and kept in `<dir>/cluster.json` (a restart reuses them). */
export interface ClusterLayout {
  nginx: number;
  postgres: { primary: number; standby: number };
  kafka: { port: number; controllerPort: number }[];
  smtp: number;
  apps: Record<string, number>;
  tokenSecret: string;
}

/** Reads `<dir>/cluster.json`, adding a free port for every name it lacks (`nginxPort` when given). */
export async function clusterLayout(dir: string, appNames: string[], nginxPort?: number): Promise<ClusterLayout> {
  const file = path.join(dir, 'cluster.json');
  const saved = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ClusterLayout>) : {};
  const taken: number[] = [];
  const port = async (existing?: number): Promise<number> => {
    const chosen = existing ?? (await freePort(taken));
    taken.push(chosen);
    return chosen;
  };
  const layout: ClusterLayout = {
    nginx: await port(nginxPort ?? saved.nginx),
    postgres: { primary: await port(saved.postgres?.primary), standby: await port(saved.postgres?.standby) },
    kafka: [],
    smtp: await port(saved.smtp),
    apps: {},
    tokenSecret: saved.tokenSecret ?? randomBytes(32).toString('base64url'),
  };
  for (let i = 0; i < 3; i++)
    layout.kafka.push({
      port: await port(saved.kafka?.[i]?.port),
      controllerPort: await port(saved.kafka?.[i]?.controllerPort),
    });
  for (const name of appNames) layout.apps[name] = await port(saved.apps?.[name]);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(layout, null, 2)}\n`, { mode: 0o600 });
  return layout;
}

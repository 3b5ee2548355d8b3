import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** What listens on a Bolt port: nothing, the project's launcher for a data directory, or something else. */
export type PortOwner = 'free' | 'ours' | 'foreign';

/** Given a port, says whether something listens on 127.0.0.1 there (by trying to listen on it, sending nothing). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(true) : reject(error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

/** The inodes of the sockets listening on a TCP port (any local address), from /proc/net/tcp and tcp6. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      const fields = line.trim().split(/\s+/);
      const LISTEN = '0A';
      if (fields.length > 9 && fields[1].endsWith(`:${hexPort}`) && fields[3] === LISTEN) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** Whether a process holds one of the given sockets among its open files. */
function holdsSocket(pid: number, inodes: Set<string>): boolean {
  const fdDir = `/proc/${pid}/fd`;
  return fs.readdirSync(fdDir).some((fd) => {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(path.join(fdDir, fd)));
      return match !== null && inodes.has(match[1]);
    } catch {
      return false;
    }
  });
}

/**
 * Given a port and a launcher's data directory, says who listens on 127.0.0.1 at that port: 'ours' only when the
 * launcher's own record (launcher.json, in the owner-only data directory) names that port and a live process that is
 * the launcher and holds the listening socket (Linux's /proc); anything else listening is 'foreign'.
 */
export async function identifyLauncher(port: number, dataDir: string): Promise<PortOwner> {
  if (!(await portInUse(port))) return 'free';
  try {
    const record = JSON.parse(fs.readFileSync(path.join(dataDir, 'launcher.json'), 'utf8')) as {
      port?: unknown;
      pid?: unknown;
    };
    const pid = record.pid;
    if (record.port !== port || typeof pid !== 'number' || !Number.isInteger(pid)) return 'foreign';
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (!cmdline.includes('Neo4jLauncher')) return 'foreign';
    return holdsSocket(pid, listeningInodes(port)) ? 'ours' : 'foreign';
  } catch {
    // no record, a process gone or another user's (its /proc entries unreadable), or no /proc at all
    return 'foreign';
  }
}

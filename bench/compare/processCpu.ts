import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * Given a process id, returns the CPU seconds it has used so far (user plus system, every thread), from
 * /proc/<pid>/stat; undefined where there is no such file (not Linux, or the process is gone).
 */
export function cpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Starts counting the CPU of the named processes; the returned function gives each one's CPU milliseconds since. */
export function cpuMeter(pids: Record<string, number | undefined>): () => Record<string, number | undefined> {
  const before = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [name, pid === undefined ? undefined : cpuSeconds(pid)]),
  );
  return () =>
    Object.fromEntries(
      Object.entries(pids).map(([name, pid]) => {
        const [start, end] = [before[name], pid === undefined ? undefined : cpuSeconds(pid)];
        return [name, start === undefined || end === undefined ? undefined : (end - start) * 1000];
      }),
    );
}

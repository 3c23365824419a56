import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuildRecord {
  exitCode: number | null;
  wallMs: number;
  /** User + system CPU time of the build and every process it waited for. */
  cpuMs: number;
  userMs: number;
  systemMs: number;
  /** Largest sum of resident memory over the build's process tree, sampled every 100 ms. */
  peakTreeRssBytes: number;
  /** Largest high-water mark of any one process of the tree (catches spikes between samples). */
  peakProcessRssBytes: number;
  /** Resident memory once a second: seconds since the start, the tree's MB, and the MB of each program in it. */
  memoryTimeline: [number, number, Record<string, number>][];
  /**
   * CPU time the rest of the machine used during the build (all CPU time used,
   * less the build's own): the noise in this measurement, 0 on a quiet machine.
   */
  otherCpuMs: number;
  /** Where its output went. */
  log: string;
}

/** CPU time the whole machine has spent busy since boot, in milliseconds (Linux's /proc/stat). */
function machineBusyMs(): number {
  const [, ...fields] = readProc('/proc/stat').split('\n')[0]!.trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields.map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * Waits, up to `maxSeconds`, for a quiet machine (under 10% of one core busy
 * over a second), so that a build does not share the CPU with the last one's
 * stragglers or with other work. Returns how long it waited. The files the
 * last build wrote are flushed to disk first (`sync`): the kernel writes them
 * out on its own 30 s or so later, in the middle of the next build (official6
 * and official7 each caught 13 s of that CPU in Starlight's N = 1,000 build).
 */
export async function settle(maxSeconds: number): Promise<number> {
  const started = performance.now();
  spawnSync('sync', { stdio: 'ignore' });
  while (performance.now() - started < maxSeconds * 1000) {
    const before = machineBusyMs();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (machineBusyMs() - before < 100) break;
  }
  return performance.now() - started;
}

/**
 * Runs a build and measures it without extra tools: bash's `times` builtin gives
 * the CPU time of everything it waited for (as GNU time would), and /proc gives
 * the memory of the live process tree (Linux only).
 */
export async function measureBuild(
  command: string,
  args: string[],
  options: { cwd: string; log: string; env?: Record<string, string> },
): Promise<BuildRecord> {
  const timesFile = `${options.log}.times`;
  const out = openSync(options.log, 'w');
  const busyBefore = machineBusyMs();
  const started = performance.now();
  const child = spawn('bash', ['-c', '"$@"; status=$?; times > "$BENCH_TIMES"; exit $status', 'bench-build', command, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', BENCH_TIMES: timesFile, ...options.env },
    stdio: ['ignore', out, out],
  });
  let peakTree = 0;
  let peakProcess = 0;
  let samples = 0;
  const memoryTimeline: BuildRecord['memoryTimeline'] = [];
  const sample = () => {
    if (child.pid === undefined) return;
    let tree = 0;
    const programs: Record<string, number> = {};
    for (const pid of descendants(child.pid)) {
      const status = readProc(`/proc/${pid}/status`);
      const rss = kB(status, 'VmRSS');
      tree += rss;
      peakProcess = Math.max(peakProcess, kB(status, 'VmHWM'));
      const name = status.match(/^Name:\s+(.*)$/m)?.[1] ?? '?';
      programs[name] = (programs[name] ?? 0) + Math.round(rss / 1024 / 1024);
    }
    peakTree = Math.max(peakTree, tree);
    if (samples++ % 10 === 0)
      memoryTimeline.push([Math.round((performance.now() - started) / 1000), Math.round(tree / 1024 / 1024), programs]);
  };
  const timer = setInterval(sample, 100);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  const busy = machineBusyMs() - busyBefore;
  clearInterval(timer);
  closeSync(out);
  // bash's `times`: the shell's own user and system time, then its children's.
  const lines = readProc(timesFile).trim().split('\n');
  rmSync(timesFile, { force: true });
  const [userMs, systemMs] = (lines[1] ?? '0m0s 0m0s').split(/\s+/).map(duration) as [number, number];
  const cpuMs = userMs + systemMs;
  return {
    exitCode,
    wallMs,
    cpuMs,
    userMs,
    systemMs,
    peakTreeRssBytes: peakTree,
    peakProcessRssBytes: peakProcess,
    memoryTimeline,
    otherCpuMs: Math.max(0, busy - cpuMs),
    log: options.log,
  };
}

function duration(text: string): number {
  const match = text.match(/^(\d+)m([\d.]+)s$/);
  return match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : 0;
}

function readProc(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended meanwhile
  }
}

function kB(status: string, field: string): number {
  const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** `root` and every process below it. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    // pid (comm) state ppid …; comm may hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const found = [root];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!) ?? []));
  return found;
}

export interface OutputRecord {
  bytes: number;
  files: number;
  htmlPages: number;
  /** Pagefind's index proper: the index, fragment and filter chunks and the metadata. */
  pagefindIndexBytes: number;
  pagefindIndexFiles: number;
  /** Everything under pagefind/, its scripts, styles and WebAssembly included. */
  pagefindBytes: number;
}

/** Sizes of a built site, as files on disk (not compressed for transfer). */
export function measureOutput(dist: string): OutputRecord {
  const record: OutputRecord = { bytes: 0, files: 0, htmlPages: 0, pagefindIndexBytes: 0, pagefindIndexFiles: 0, pagefindBytes: 0 };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        continue;
      }
      const size = statSync(file).size;
      const relative = path.relative(dist, file);
      record.bytes += size;
      record.files += 1;
      if (relative.endsWith('.html')) record.htmlPages += 1;
      if (relative.startsWith(`pagefind${path.sep}`)) {
        record.pagefindBytes += size;
        if (/\.pf_(meta|index|fragment|filter)$/.test(relative)) {
          record.pagefindIndexBytes += size;
          record.pagefindIndexFiles += 1;
        }
      }
    }
  };
  walk(dist);
  return record;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
}

export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/**
 * BENCHMARKS.md is made of sections, each written by the command it names between two markers; what lies outside
 * the markers (the notes on a section, the introduction) is written by hand and kept by every run. A run replaces
 * only its own sections, so each figure in the file is the last one its command printed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/config';

export const BENCHMARKS_FILE = path.join(projectRoot, 'BENCHMARKS.md');

const beginMarker = (id: string) => `<!-- begin ${id} -->`;
const endMarker = (id: string) => `<!-- end ${id} -->`;

/**
 * Given the file's text, a section id and the section's lines, returns the text with the section between its markers
 * replaced, or appended at the end when the file has no such section yet.
 */
export function replaceSection(text: string, id: string, lines: readonly string[]): string {
  const section = [beginMarker(id), ...lines, endMarker(id)].join('\n');
  const begin = text.indexOf(beginMarker(id));
  const end = text.indexOf(endMarker(id));
  if (begin < 0 && end < 0) return `${text.trimEnd()}\n\n${section}\n`;
  if (begin < 0 || end < begin) throw new Error(`BENCHMARKS.md: the markers of section "${id}" are not in order`);
  return text.slice(0, begin) + section + text.slice(end + endMarker(id).length);
}

/** The facts every section states: the command, when, on what commit and machine, and how loaded the machine was. */
export interface RunFacts {
  command: string;
  date: Date;
  /** `git rev-parse --short HEAD`, with "plus changes" when the work tree differs from it. */
  commit: string;
  machine: string;
  node: string;
  loadBefore: readonly number[];
  loadAfter: readonly number[];
}

/** Given the npm script and the load average when the run started, returns the facts of this run as it ends. */
export function runFacts(script: string, loadBefore: readonly number[]): RunFacts {
  const args = process.argv.slice(2);
  const cpus = os.cpus();
  return {
    command: ['npm run', script, ...(args.length > 0 ? ['--', ...args] : [])].join(' '),
    date: new Date(),
    commit: commitOf(),
    machine:
      `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadBefore,
    loadAfter: os.loadavg(),
  };
}

function commitOf(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? head : `${head} plus changes`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const averages = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(', ');

/** Given a run's facts, returns them as the bullet list a section starts with. */
export function factLines(facts: RunFacts): string[] {
  return [
    `- Command: \`${facts.command}\``,
    `- Date: ${facts.date.toISOString()}; commit ${facts.commit}`,
    `- Machine: ${facts.machine}; Node ${facts.node}`,
    `- Load average (1, 5, 15 min): ${averages(facts.loadBefore)} at the start, ` +
      `${averages(facts.loadAfter)} at the end`,
  ];
}

/** Given a heading, a run's facts and what the run printed, returns a section's lines: facts, then the output. */
export function printedSection(heading: string, facts: RunFacts, printed: readonly string[]): string[] {
  const body = [...printed];
  while (body.length > 0 && body[0].trim() === '') body.shift();
  return [`## ${heading}`, '', ...factLines(facts), '', '```text', ...body, '```'];
}

/** Replaces (or adds) a section of BENCHMARKS.md, or of `file`. */
export function writeSection(id: string, lines: readonly string[], file = BENCHMARKS_FILE): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  fs.writeFileSync(file, replaceSection(text, id, lines));
}

/**
 * Keeps a copy of every line a bench writes to stdout (its figures; progress goes to stderr) and writes them to
 * BENCHMARKS.md as sections, each with the run's facts. A bench that measures several graphs writes one section per
 * graph, each with the lines printed since the last.
 */
export class SectionRecorder {
  private readonly loadBefore = os.loadavg();
  private readonly kept: string[] = [];
  private readonly write = process.stdout.write.bind(process.stdout);

  /** `script` is the npm script the bench runs as (its arguments are read from the command line). */
  constructor(private readonly script: string) {
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      this.kept.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (this.write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  }

  /** Writes what was printed since the last section as section `id` of BENCHMARKS.md (or `file`). */
  section(id: string, heading: string, file = BENCHMARKS_FILE): void {
    const printed = this.kept.splice(0).join('').replace(/\n$/, '').split('\n');
    writeSection(id, printedSection(heading, runFacts(this.script, this.loadBefore), printed), file);
  }
}

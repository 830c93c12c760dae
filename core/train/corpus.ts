import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseJsonl, type LabelledCase } from '../eval/labelled';

/** The labelled conversations of one or more JSONL files or folders of them, with a hash of exactly what was read. */
export interface Corpus {
  cases: LabelledCase[];
  files: string[];
  /** sha256 over each file's path (relative to `root`) and bytes, files in name order. */
  sha256: string;
}

export function jsonlFiles(paths: readonly string[]): string[] {
  return paths
    .flatMap((p) =>
      statSync(p).isDirectory()
        ? readdirSync(p)
            .filter((f) => f.endsWith('.jsonl'))
            .map((f) => join(p, f))
        : [p],
    )
    .sort();
}

/** Reads a corpus; any line that is not a valid labelled case stops it, naming file and line. */
export function readCorpus(paths: readonly string[], root: string): Corpus {
  const files = jsonlFiles(paths);
  const hash = createHash('sha256');
  const cases: LabelledCase[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file).split('\\').join('/');
    hash.update(`${name}\n${text}\n`);
    const { cases: read, errors } = parseJsonl(text);
    if (errors.length) throw new Error(`${name}: ${errors.slice(0, 5).join('; ')}`);
    for (const c of read) {
      if (ids.has(c.id)) throw new Error(`${name}: case id ${c.id} appears twice in the corpus`);
      ids.add(c.id);
      cases.push(c);
    }
  }
  return { cases, files: files.map((f) => relative(root, f).split('\\').join('/')), sha256: hash.digest('hex') };
}

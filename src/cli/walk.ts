/**
 * The files a `portfolio` run reads: the files named, and the input files under the folders named
 * (sorted; hidden entries skipped). Folders are walked with `lstat`, so nothing found in them can stop
 * the walk or send it round in circles:
 * - a symbolic link is followed once (one `stat`); one whose target is missing, one that loops onto
 *   itself, and one leading back into a folder that contains it (device + inode) are each named with
 *   their own message; a folder or file reached a second time through another link is read once;
 * - a folder that cannot be read is named, and the walk goes on with the rest;
 * - named pipes, sockets and devices with an input's extension are refused without being opened.
 */
import * as fsp from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type FsApi, type InputProblem, SPECIAL_KEYS, pathProblem, specialKind } from './inputs';

export interface WalkOutcome {
  files: string[];
  /** Paths refused, with their reasons. */
  problems: InputProblem[];
  /** Not errors: a file or folder reached again through a link, read once. */
  notices: InputProblem[];
}

const key = (s: { dev: number | bigint; ino: number | bigint }) => `${s.dev}:${s.ino}`;

export async function expandInputs(paths: readonly string[], extensions: readonly string[] = ['.json'], fs: FsApi = fsp): Promise<WalkOutcome> {
  const out: WalkOutcome = { files: [], problems: [], notices: [] };
  /** Where each folder and file was first reached (device:inode → path). */
  const seen = new Map<string, string>();
  const wanted = (name: string) => extensions.includes(extname(name).toLowerCase());
  const refuse = async (path: string, e: unknown) => {
    const item = await pathProblem(path, e, fs);
    if (item.problem) out.problems.push(item.problem);
  };

  /** A regular file reached: listed once. */
  const addFile = (path: string, s: { dev: number; ino: number }) => {
    const k = key(s);
    const first = seen.get(k);
    if (first !== undefined) {
      out.notices.push({ file: path, key: 'cli:input.sameAs', params: { first } });
      return;
    }
    seen.set(k, path);
    out.files.push(path);
  };

  const walk = async (dir: string, ancestors: Map<string, string>): Promise<number> => {
    let names: string[];
    try {
      names = (await fs.readdir(dir)).map(String).sort();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.problems.push({ file: dir, key: code === 'EACCES' || code === 'EPERM' ? 'cli:input.dirDenied' : 'cli:input.dirUnreadable', params: { reason: code ?? String(e) } });
      return 0;
    }
    const before = out.files.length;
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let s;
      try {
        s = await fs.lstat(path);
      } catch (e) {
        await refuse(path, e);
        continue;
      }
      if (s.isSymbolicLink()) {
        try {
          s = await fs.stat(path);
        } catch (e) {
          // A link whose target is missing, that points at itself, or at a path that cannot be searched
          // (named whatever its name: it may have led to a folder of inputs).
          await refuse(path, e);
          continue;
        }
      }
      if (s.isDirectory()) await enter(path, s, ancestors);
      else if (!wanted(name)) continue;
      else if (s.isFile()) addFile(path, s);
      else out.problems.push({ file: path, key: SPECIAL_KEYS[specialKind(s)], params: {} });
    }
    return out.files.length - before;
  };

  const enter = async (dir: string, s: { dev: number; ino: number }, ancestors: Map<string, string>, named = false) => {
    const k = key(s);
    const loop = ancestors.get(k);
    if (loop !== undefined) {
      out.problems.push({ file: dir, key: 'cli:input.dirLoop', params: { ancestor: loop } });
      return;
    }
    const first = seen.get(k);
    if (first !== undefined) {
      out.notices.push({ file: dir, key: 'cli:input.sameAs', params: { first } });
      return;
    }
    seen.set(k, dir);
    const found = await walk(dir, new Map(ancestors).set(k, dir));
    if (named && found === 0) out.problems.push({ file: dir, key: 'cli:input.noFilesInDir', params: { extensions: extensions.join(', ') } });
  };

  for (const p of paths) {
    let s;
    try {
      s = await fs.stat(p);
    } catch (e) {
      await refuse(p, e);
      continue;
    }
    if (s.isDirectory()) await enter(p, s, new Map(), true);
    else if (s.isFile()) addFile(p, s);
    else out.files.push(p); // named explicitly: the reader refuses it with its own message
  }
  return out;
}

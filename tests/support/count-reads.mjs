// Preloaded into a build (node --import) by tests/build/reads.test.ts: logs
// every file the build reads through node:fs, one absolute path a line, to
// the file named by $COUNT_READS_LOG.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.COUNT_READS_LOG;
const note = (file) => {
  if (typeof file === 'string' || file instanceof URL) fs.appendFileSync(log, `${file instanceof URL ? file.pathname : file}\n`);
};
const wrap = (owner, name) => {
  const original = owner[name];
  owner[name] = function (file, ...rest) {
    note(file);
    return original.call(this, file, ...rest);
  };
};
wrap(fs, 'readFileSync');
wrap(fs, 'readFile');
wrap(fs.promises, 'readFile');
syncBuiltinESMExports();

// Prints the size of each built script: raw, gzip -9 and brotli 11. Run after `npm run build`.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

function* scripts(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* scripts(path);
    else if (name.endsWith('.js')) yield path;
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [...scripts('dist')].map((path) => {
  const data = readFileSync(path);
  return {
    file: relative('.', path),
    raw: kb(data.length),
    gzip: kb(gzipSync(data, {level: 9}).length),
    brotli: kb(brotliCompressSync(data, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length),
  };
});
console.table(rows);

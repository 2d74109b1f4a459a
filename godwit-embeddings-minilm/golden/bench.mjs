// The transformers.js side of godwit-bench's embedding benchmark (bench/embeddings.sh starts it):
// the same texts, the same model file, the same pipeline (model.mjs), batch by batch.
//   node bench.mjs TEXTS.json THREADS VECTORS.f32 BATCH...
// Prints one JSON line: load seconds, resident memory before and after loading, texts/s per batch
// size; writes the vectors of the last batch size to VECTORS.f32 (float32, little-endian) so that
// the benchmark can check both sides made the same vectors.
import { readFileSync, writeFileSync } from 'node:fs';
import { env } from '@huggingface/transformers';
import { load } from './model.mjs';

const [textsFile, threads, vectorsFile, ...batches] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(textsFile, 'utf8'));
const mb = () => process.memoryUsage().rss / 1048576;
const rssBefore = mb();
let t = process.hrtime.bigint();
const { embed } = await load({ threads: Number(threads) });
await embed(texts.slice(0, 32));
const loadSeconds = Number(process.hrtime.bigint() - t) / 1e9;
const rssLoaded = mb();
const rates = {};
let last = [];
for (const size of batches.map(Number)) {
  const vectors = [];
  t = process.hrtime.bigint();
  for (let from = 0; from < texts.length; from += size) {
    vectors.push(...await embed(texts.slice(from, from + size)));
    const done = from + size;
    if (done % 2000 < size && done > size) {   // a line every 2,000 texts, as the Godwit side prints
      const rate = done / (Number(process.hrtime.bigint() - t) / 1e9);
      console.error(`  transformers.js, batch ${size}: ${done} texts, ${rate.toFixed(1)} texts/s so far`);
    }
  }
  rates[size] = texts.length / (Number(process.hrtime.bigint() - t) / 1e9);
  console.error(`transformers.js, batch ${size}: ${rates[size].toFixed(1)} texts/s`);
  last = vectors;
}
const flat = new Float32Array(last.length * 384);
last.forEach((v, i) => flat.set(v, i * 384));
writeFileSync(vectorsFile, Buffer.from(flat.buffer));
console.log(JSON.stringify({ version: env.version, loadSeconds, rssBefore, rssLoaded, rssEnd: mb(), rates }));

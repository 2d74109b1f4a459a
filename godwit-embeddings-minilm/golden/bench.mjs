// The transformers.js side of godwit-bench's embedding benchmark (bench/embeddings.sh starts it):
// the same texts, the same model file, the same pipeline (model.mjs), taking turns with the Godwit
// side block by block, so that both sides see the same machine load.
//   node bench.mjs TEXTS.json THREADS VECTORS.f32
// Loads the model, embeds the first 32 texts once, then prints one JSON line (versions, load seconds,
// resident memory before and after loading) and reads commands from standard input, one a line:
//   run BATCH FROM TO [sorted]  embeds texts FROM..TO (of the length-sorted order if "sorted": longest
//                               first, stable, as Godwit's sortByLength), BATCH texts per call; prints
//                               {"seconds": S}, the time of the embed calls alone
//   end                         writes the vectors last made for each text to VECTORS.f32 (float32,
//                               little-endian, in the texts' order); prints {"rssEnd": MB}; exits
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { env } from '@huggingface/transformers';
import { load } from './model.mjs';

const [textsFile, threads, vectorsFile] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(textsFile, 'utf8'));
const sorted = texts.map((_, i) => i).sort((a, b) => texts[b].length - texts[a].length);
const mb = () => process.memoryUsage().rss / 1048576;
const rssBefore = mb();
const t0 = process.hrtime.bigint();
const { embed } = await load({ threads: Number(threads) });
await embed(texts.slice(0, 32));
const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const ort = JSON.parse(readFileSync(new URL('./node_modules/onnxruntime-node/package.json', import.meta.url))).version;
console.log(JSON.stringify({ version: env.version, ort, loadSeconds, rssBefore, rssLoaded: mb() }));

const vectors = new Array(texts.length);
const commands = createInterface({ input: process.stdin });
for await (const line of commands) {
  const [command, ...args] = line.trim().split(' ');
  if (command === 'end') break;
  const [size, from, to] = args.map(Number);
  const order = args[3] === 'sorted' ? sorted : null;
  let seconds = 0;
  for (let f = from; f < to; f += size) {
    const ids = [];
    for (let i = f; i < Math.min(to, f + size); i++) ids.push(order ? order[i] : i);
    const batch = ids.map((i) => texts[i]);
    const t = process.hrtime.bigint();
    const made = await embed(batch);
    seconds += Number(process.hrtime.bigint() - t) / 1e9;
    ids.forEach((id, k) => { vectors[id] = made[k]; });
  }
  console.log(JSON.stringify({ seconds }));
}
const flat = new Float32Array(texts.length * 384);
vectors.forEach((v, i) => { if (v) flat.set(v, i * 384); });
writeFileSync(vectorsFile, Buffer.from(flat.buffer));
console.log(JSON.stringify({ rssEnd: mb() }));
commands.close();
process.exit(0);

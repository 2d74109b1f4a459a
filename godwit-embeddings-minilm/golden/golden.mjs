// Writes the golden vectors that GoldenVectorsTest compares Godwit's default embedding function with:
// the texts of texts.json embedded by transformers.js on the same model files (see model.mjs), one
// text per call so that no padding is involved on this side.
//   ONNXRUNTIME_NODE_INSTALL=skip npm ci && node golden.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { env } from '@huggingface/transformers';
import { load, MAX_TOKENS } from './model.mjs';

const version = env.version;
const { texts } = JSON.parse(readFileSync(new URL('./texts.json', import.meta.url)));
const { embed, tokens } = await load();
const vectors = [];
for (const text of texts) vectors.push((await embed([text]))[0]);
const out = new URL('../src/test/resources/io/godwit/store/embedding/minilm/golden.json', import.meta.url);
writeFileSync(out, JSON.stringify({
  made_by: `@huggingface/transformers ${version} (golden/golden.mjs), truncation ${MAX_TOKENS}, mean pooling, L2`,
  texts,
  tokens: texts.map(tokens),
  vectors: vectors.map((v) => v.map((x) => Number(x.toPrecision(8)))),
}) + '\n');
console.log(`${texts.length} golden vectors written to ${out.pathname}`);

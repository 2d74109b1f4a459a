// The record-store benchmark's workload through Chroma's official npm client (chromadb 3.5.0,
// peer/node_modules) against a server speaking Chroma's API v2: the real Chroma peer or `godwit run`;
// the same workload StoreBench runs in process.
// Usage: node bench/store/peer-workload.js CONFIG.json > RESULT.json
//   CONFIG: {port, dir, n, dim, batch, reps}; dir holds data.f32 (little-endian float32, row after
//   row) and gets.json (the id lists of the get-by-ids repetitions).
// Records are "r<i>" with metadata {bucket: i % 100, parity, score} and a document (Record.java's
// formula). Prints one JSON object: add seconds, and per operation each call's milliseconds.
const fs = require("fs");
const path = require("path");
const { ChromaClient } = require(path.join(__dirname, "../../peer/node_modules/chromadb"));

const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const client = new ChromaClient({ host: "127.0.0.1", port: cfg.port });

const document = (i) => `record ${i}: the quick brown fox jumps over the lazy dog, then rests by the river bank ${i % 977}`;
const metadata = (i) => ({ bucket: i % 100, parity: i % 2 === 0 ? "even" : "odd", score: i / cfg.n });

// Two untimed calls first (as Timings.java), so neither side is timed while warming up.
async function timed(reps, fn) {
  const ms = [];
  for (let r = 0; r < Math.min(2, reps); r++) {
    await fn(r);
  }
  for (let r = 0; r < reps; r++) {
    const t = process.hrtime.bigint();
    await fn(r);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return ms;
}

async function main() {
  const buf = fs.readFileSync(path.join(cfg.dir, "data.f32"));
  const gets = JSON.parse(fs.readFileSync(path.join(cfg.dir, "gets.json"), "utf8"));
  const row = (i) => Array.from(new Float32Array(buf.buffer, buf.byteOffset + i * cfg.dim * 4, cfg.dim));
  const c = await client.createCollection({ name: `store_bench_${Date.now()}`, embeddingFunction: null });
  const out = { ms: {} };
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < cfg.n; i += cfg.batch) {
    const ids = [], embeddings = [], metadatas = [], documents = [];
    for (let j = i; j < Math.min(cfg.n, i + cfg.batch); j++) {
      ids.push(`r${j}`);
      embeddings.push(row(j));
      metadatas.push(metadata(j));
      documents.push(document(j));
    }
    await c.add({ ids, embeddings, metadatas, documents });
    if (i + cfg.batch === cfg.n / 10) {
      out.ms.countAtTenth = await timed(cfg.reps, () => c.count());
      out.ms.peekAtTenth = await timed(cfg.reps, () => c.peek({ limit: 10 }));
    }
  }
  out.addSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  out.ms.getIds = await timed(gets.length, (r) => c.get({ ids: gets[r] }));
  out.ms.getWhere = await timed(cfg.reps, () => c.get({ where: { bucket: 7 } }));
  out.ms.count = await timed(cfg.reps, () => c.count());
  out.ms.peek = await timed(cfg.reps, () => c.peek({ limit: 10 }));
  const check = await c.get({ where: { bucket: 7 } });
  out.whereMatches = check.ids.length;
  out.count = await c.count();
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});

// The vector benchmark's workload against a real Chroma server, over raw HTTP (API v2), the same
// requests Chroma's npm client sends (record embeddings as base64 float32, as it does when the
// server supports it; query embeddings as arrays, which is all the 1.0 server takes). Usage: node peer-workload.js CONFIG.json > RESULT.json
//   CONFIG: {port, dir, n, dim, queries, space, batch, k, efAlt, filters: [{name, where, bucketBelow}]}
//   dir holds data.f32 and queries.f32 (little-endian float32, row after row).
//   With CONFIG.collection (a name), no records are added: the queries run against that existing
//   collection (Godwit's server over the store the in-process side wrote), without the ef phase.
//   CONFIG.warmup (default 2000): before the timed phases, that many untimed queries, the same on
//   both servers (the query set in turn, each phase's filter in turn), so that each is measured at
//   steady state: a JVM server compiles its hot paths over its first thousands of requests.
// Records are "r<i>" with metadata {bucket: i % 100}. Prints one JSON object: add seconds, and per
// phase the answers (ids as row numbers, distances) and each query's milliseconds.
const fs = require("fs");
const path = require("path");

const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const base = `http://127.0.0.1:${cfg.port}/api/v2/tenants/default_tenant/databases/default_database`;

async function call(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text.length ? JSON.parse(text) : null;
}

function rows(file, dim) {
  const buf = fs.readFileSync(path.join(cfg.dir, file));
  const n = buf.length / (4 * dim);
  const out = [];
  for (let i = 0; i < n; i++) out.push(buf.subarray(i * dim * 4, (i + 1) * dim * 4));
  return out;
}

const b64 = (bytes) => Buffer.from(bytes).toString("base64");
// Queries go as arrays of numbers: the 1.0 server takes base64 only for records.
const floats = (bytes) => Array.from(new Float32Array(Uint8Array.from(bytes).buffer));

// One query's request: the timed phases and the warm-up send the same.
function queryBody(q, where) {
  const body = { query_embeddings: [floats(q)], n_results: cfg.k, include: ["distances"] };
  if (where) body.where = where;
  return body;
}

async function queries(id, qs, where) {
  const ids = [], distances = [], ms = [];
  for (const q of qs) {
    const body = queryBody(q, where);
    const t = process.hrtime.bigint();
    const r = await call("POST", `${base}/collections/${id}/query`, body);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    ids.push(r.ids[0].map((s) => Number(s.slice(1))));
    distances.push(r.distances[0]);
  }
  return { ids, distances, ms };
}

// Untimed: cfg.warmup queries cycling over the queries and over the phases (no filter, then each filter).
async function warmUp(id, qs) {
  const wheres = [null, ...cfg.filters.map((f) => f.where)];
  const n = cfg.warmup === undefined ? 2000 : cfg.warmup;
  for (let i = 0; i < n; i++) {
    await call("POST", `${base}/collections/${id}/query`, queryBody(qs[i % qs.length], wheres[i % wheres.length]));
  }
}

async function main() {
  const qs = rows("queries.f32", cfg.dim);
  if (cfg.collection) {
    const existing = await call("GET", `${base}/collections/${cfg.collection}`);
    const out = { addSeconds: 0, phases: {} };
    await warmUp(existing.id, qs);
    out.phases.default = await queries(existing.id, qs, null);
    for (const f of cfg.filters) out.phases[f.name] = await queries(existing.id, qs, f.where);
    process.stdout.write(JSON.stringify(out));
    return;
  }
  const data = rows("data.f32", cfg.dim);
  const name = `bench_${cfg.space}_${cfg.dim}_${Date.now()}`;
  const coll = await call("POST", `${base}/collections`, {
    name, configuration: { hnsw: { space: cfg.space } }, get_or_create: false,
  });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < data.length; i += cfg.batch) {
    const end = Math.min(data.length, i + cfg.batch);
    const ids = [], embeddings = [], metadatas = [];
    for (let j = i; j < end; j++) {
      ids.push(`r${j}`);
      embeddings.push(b64(data[j]));
      metadatas.push({ bucket: j % 100 });
    }
    await call("POST", `${base}/collections/${coll.id}/add`, { ids, embeddings, metadatas });
  }
  const addSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const out = { addSeconds, phases: {} };
  await warmUp(coll.id, qs);
  out.phases.default = await queries(coll.id, qs, null);
  for (const f of cfg.filters) out.phases[f.name] = await queries(coll.id, qs, f.where);
  try {
    await call("PUT", `${base}/collections/${coll.id}`, { new_configuration: { hnsw: { ef_search: cfg.efAlt } } });
    out.phases.ef = await queries(coll.id, qs, null);
  } catch (e) {
    out.efError = String(e.message).slice(0, 200);
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});

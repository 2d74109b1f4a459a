// The acceptance scenario of `godwit run`, written with Chroma's official npm client (chromadb 3.5.0,
// installed in peer/ by `npm ci --prefix peer`), plus raw requests for what the client cannot send.
// It covers every route the Chroma 1.0 peer serves. Run against a server, it prints one JSON array on
// stdout: per step {step, ok} with the answer made deterministic (no ids, no clocks) or {step, error}
// with the client's error class (its status) or, for raw steps, {step, status, body}. The JUnit test
// NpmScenarioTest runs it against the real Chroma peer and against Godwit and compares the two.
//   node scenario.mjs http://127.0.0.1:PORT
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../../../peer/package.json"));
const { ChromaClient, AdminClient } = require("chromadb");

const base = process.argv[2];
const url = new URL(base);
const target = { host: url.hostname, port: Number(url.port), ssl: false };
const client = new ChromaClient(target);
const admin = new AdminClient(target);
const DB = "/api/v2/tenants/default_tenant/databases/default_database";
const steps = [];

function errorOf(e) {
  return { error: e?.name ?? String(e) };
}

async function step(name, fn) {
  try {
    steps.push({ step: name, ok: (await fn()) ?? null });
  } catch (e) {
    steps.push({ step: name, ...errorOf(e) });
  }
}

async function raw(name, method, route, body, headers = {}) {
  try {
    const init = { method, headers: { "content-type": "application/json", ...headers } };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const res = await fetch(base + route, init);
    const text = await res.text();
    let parsed = null;
    try { parsed = JSON.parse(text); } catch { parsed = text; }
    steps.push({ step: name, status: res.status, body: parsed });
    return parsed;
  } catch (e) {
    steps.push({ step: name, error: String(e) });
    return null;
  }
}

// A handle the rest depends on: without it, the answers so far are printed and the run stops.
async function must(name, fn) {
  try {
    return await fn();
  } catch (e) {
    steps.push({ step: name, ...errorOf(e) });
    process.stdout.write(JSON.stringify(steps, null, 1) + "\n");
    process.exit(0);
  }
}

const collection = (c) => ({
  name: c.name, tenant: c.tenant, database: c.database, metadata: c.metadata ?? null,
  configuration: { space: c.configuration?.hnsw?.space ?? null, ef_search: c.configuration?.hnsw?.ef_search ?? null },
});
const result = (r) => ({
  ids: r.ids, documents: r.documents ?? null, metadatas: r.metadatas ?? null,
  embeddings: r.embeddings ?? null, uris: r.uris ?? null, distances: r.distances ?? null,
});
const V = (...xs) => xs;

// System.
await step("heartbeat", async () => typeof (await client.heartbeat()));
await step("version", async () => typeof (await client.version()));
await step("preflight", async () => {
  const p = await client.getPreflightChecks();
  return { supports_base64_encoding: p.supports_base64_encoding, max_batch_size: typeof p.max_batch_size };
});
await step("identity", async () => client.getUserIdentity());
await step("reset", async () => client.reset());
await raw("healthcheck", "GET", "/api/v2/healthcheck");
await raw("v1 gone", "GET", "/api/v1/heartbeat");
await raw("v1 collections gone", "GET", "/api/v1/collections");

// Tenants and databases.
await step("create tenant", async () => admin.createTenant({ name: "acme_tenant" }));
await step("get tenant", async () => admin.getTenant({ name: "acme_tenant" }));
await step("create tenant twice", async () => admin.createTenant({ name: "acme_tenant" }));
await step("get missing tenant", async () => admin.getTenant({ name: "nobody_tenant" }));
await step("create database", async () => admin.createDatabase({ name: "books_db", tenant: "acme_tenant" }));
await step("create database twice", async () => admin.createDatabase({ name: "books_db", tenant: "acme_tenant" }));
await step("get database", async () => {
  const d = await admin.getDatabase({ name: "books_db", tenant: "acme_tenant" });
  return { name: d.name, tenant: d.tenant };
});
await step("list databases", async () =>
  (await admin.listDatabases({ tenant: "acme_tenant", limit: 10, offset: 0 })).map((d) => d.name));
await step("get missing database", async () => admin.getDatabase({ name: "nothing_db", tenant: "acme_tenant" }));
await step("collection in another database", async () => {
  const scoped = new ChromaClient({ ...target, tenant: "acme_tenant", database: "books_db" });
  const c = await scoped.createCollection({ name: "scoped", embeddingFunction: null });
  await c.add({ ids: ["s1"], embeddings: [[1, 2]] });
  return { collection: collection(c), count: await c.count() };
});
await step("delete database", async () => admin.deleteDatabase({ name: "books_db", tenant: "acme_tenant" }));
await step("get deleted database", async () => admin.getDatabase({ name: "books_db", tenant: "acme_tenant" }));

// Collections.
await step("create collection", async () =>
  collection(await client.createCollection({ name: "books", metadata: { genre: "fiction", year: 2001 }, embeddingFunction: null })));
await step("create collection twice", async () => client.createCollection({ name: "books", embeddingFunction: null }));
await step("get or create existing", async () =>
  collection(await client.getOrCreateCollection({ name: "books", metadata: { ignored: true }, embeddingFunction: null })));
await step("create cosine by metadata", async () =>
  collection(await client.createCollection({ name: "cosine_col", metadata: { "hnsw:space": "cosine" }, embeddingFunction: null })));
await step("create ip by configuration", async () =>
  collection(await client.createCollection({ name: "ip_col", configuration: { hnsw: { space: "ip", ef_search: 50 } }, embeddingFunction: null })));
await step("create bad name", async () => client.createCollection({ name: "x", embeddingFunction: null }));
await step("count collections", async () => client.countCollections());
await step("list collections", async () => (await client.listCollections()).map((c) => c.name).sort());
await step("list collections page", async () => (await client.listCollections({ limit: 2, offset: 1 })).length);
await step("get collection", async () => collection(await client.getCollection({ name: "books", embeddingFunction: null })));
await step("get missing collection", async () => client.getCollection({ name: "nothing_here", embeddingFunction: null }));

// Records.
const books = await must("books handle", () => client.getCollection({ name: "books", embeddingFunction: null }));
const docs = ["the quick brown fox", "a lazy dog sleeps", "foxes and dogs", "nothing to see", "quick quick quick"];
await step("add", async () => books.add({
  ids: ["a", "b", "c", "d", "e"],
  embeddings: [V(1, 0, 0, 0), V(0, 1, 0, 0), V(0.7, 0.7, 0, 0), V(0, 0, 1, 0), V(0.9, 0.1, 0.1, 0)],
  documents: docs,
  metadatas: [{ author: "ann", year: 1999, score: 4.5, classic: true }, { author: "bob", year: 2005, score: 3.0 },
    { author: "ann", year: 2010 }, { author: "cy", year: 2020, classic: false }, { author: "bob", year: 1999, score: 1.25 }],
}));
await step("count", async () => books.count());
await step("add existing id", async () => books.add({ ids: ["a"], embeddings: [V(5, 5, 5, 5)], documents: ["changed?"] }));
await step("get a unchanged", async () => result(await books.get({ ids: ["a"], include: ["documents", "embeddings"] })));
await step("add wrong dimension", async () => books.add({ ids: ["z"], embeddings: [V(1, 2)] }));
await step("get all", async () => result(await books.get()));
await step("get by ids asked out of order", async () => result(await books.get({ ids: ["e", "a", "nope"] })));
await step("get include all", async () =>
  result(await books.get({ ids: ["b"], include: ["embeddings", "documents", "metadatas", "uris"] })));
await step("get limit offset", async () => result(await books.get({ limit: 2, offset: 1 })));
await step("get where eq", async () => (await books.get({ where: { author: "ann" } })).ids);
await step("get where gte", async () => (await books.get({ where: { year: { $gte: 2005 } } })).ids);
await step("get where in", async () => (await books.get({ where: { author: { $in: ["bob", "cy"] } } })).ids);
await step("get where nin", async () => (await books.get({ where: { author: { $nin: ["bob"] } } })).ids);
await step("get where ne", async () => (await books.get({ where: { classic: { $ne: true } } })).ids);
await step("get where and", async () =>
  (await books.get({ where: { $and: [{ author: "ann" }, { year: { $lt: 2000 } }] } })).ids);
await step("get where or", async () =>
  (await books.get({ where: { $or: [{ score: { $gt: 4 } }, { year: { $lte: 1999 } }] } })).ids);
await step("get where document contains", async () => (await books.get({ whereDocument: { $contains: "quick" } })).ids);
await step("get where document not contains", async () =>
  (await books.get({ whereDocument: { $not_contains: "fox" } })).ids);
await step("get both filters", async () =>
  (await books.get({ where: { author: "bob" }, whereDocument: { $contains: "quick" } })).ids);
await step("peek", async () => (await books.peek({ limit: 2 })).ids);
await step("query", async () => result(await books.query({ queryEmbeddings: [V(1, 0, 0, 0)], nResults: 3 })));
await step("query two", async () =>
  result(await books.query({ queryEmbeddings: [V(0, 1, 0, 0), V(0, 0, 1, 0)], nResults: 2, include: ["distances"] })));
await step("query where", async () =>
  result(await books.query({ queryEmbeddings: [V(1, 0, 0, 0)], nResults: 5, where: { author: "bob" } })));
await step("query where document", async () =>
  result(await books.query({ queryEmbeddings: [V(1, 0, 0, 0)], nResults: 5, whereDocument: { $contains: "dog" } })));
await step("query ids", async () =>
  result(await books.query({ queryEmbeddings: [V(1, 0, 0, 0)], nResults: 5, ids: ["b", "d"] })));
await step("query more than held", async () =>
  result(await books.query({ queryEmbeddings: [V(1, 0, 0, 0)], nResults: 50, include: ["distances"] })));
await step("query wrong dimension", async () => books.query({ queryEmbeddings: [V(1, 0)], nResults: 1 }));
await step("update", async () => books.update({ ids: ["b", "missing"],
  metadatas: [{ year: 2006, extra: "yes", score: null }, { year: 1 }] }));
await step("get updated", async () => result(await books.get({ ids: ["b", "missing"] })));
await step("update embedding", async () => books.update({ ids: ["d"], embeddings: [V(0, 0, 0, 1)] }));
await step("query after update", async () =>
  result(await books.query({ queryEmbeddings: [V(0, 0, 0, 1)], nResults: 1, include: ["distances"] })));
await step("upsert", async () => books.upsert({ ids: ["a", "f"], embeddings: [V(0, 0, 0.5, 0.5), V(0.5, 0.5, 0.5, 0.5)],
  documents: ["replaced", "fresh"], metadatas: [{ author: "zed" }, { author: "fay", year: 2024 }] }));
await step("get upserted", async () =>
  result(await books.get({ ids: ["a", "f"], include: ["documents", "metadatas", "embeddings"] })));
await step("delete by ids", async () => (await books.delete({ ids: ["f", "missing"] }))?.deleted ?? null);
await step("delete by where", async () => (await books.delete({ where: { author: "cy" } }))?.deleted ?? null);
await step("count after delete", async () => books.count());
await step("modify", async () => books.modify({ name: "books_renamed", metadata: { genre: "poetry" } }));
await step("get renamed", async () => collection(await client.getCollection({ name: "books_renamed", embeddingFunction: null })));
await step("get old name", async () => client.getCollection({ name: "books", embeddingFunction: null }));

// Distances in the other spaces.
for (const name of ["cosine_col", "ip_col"]) {
  const c = await must(`${name} handle`, () => client.getCollection({ name, embeddingFunction: null }));
  await step(`${name} add`, async () => c.add({ ids: ["p", "q", "r"], embeddings: [V(1, 0), V(0.6, 0.8), V(-1, 0.1)] }));
  await step(`${name} query`, async () =>
    result(await c.query({ queryEmbeddings: [V(0.8, 0.6)], nResults: 3, include: ["distances"] })));
}

// Raw requests: what the client cannot send.
const id = (await must("renamed handle", () => client.getCollection({ name: "books_renamed", embeddingFunction: null }))).id;
const C = `${DB}/collections/${id}`;
await raw("raw add json arrays", "POST", `${C}/add`, { ids: ["g"], embeddings: [[0.25, 0.25, 0.25, 0.25]], documents: ["raw"] });
await raw("raw add base64", "POST", `${C}/add`, { ids: ["h"], embeddings: ["AACAPwAAAAAAAAAAAAAAAA=="] });
await raw("raw get base64", "POST", `${C}/get`, { ids: ["h", "g"], include: ["embeddings", "documents"] });
await raw("raw update documents", "POST", `${C}/update`, { ids: ["b", "missing"], documents: ["a busy dog", "x"] });
await raw("raw get updated", "POST", `${C}/get`, { ids: ["b"] });
await raw("raw bad operator", "POST", `${C}/get`, { where: { year: { $bogus: 1 } } });
await raw("raw count", "GET", `${C}/count`);
await raw("raw collections count", "GET", `${DB}/collections_count`);
await raw("raw malformed json", "POST", `${C}/add`, "{\"ids\": [");
await raw("raw ids not a list", "POST", `${C}/add`, { ids: "g", embeddings: [[1, 2, 3, 4]] });
await raw("raw embeddings missing", "POST", `${C}/add`, { ids: ["m"] });
await raw("raw not a uuid", "POST", `${DB}/collections/not-a-uuid/get`, {});
await raw("raw unknown uuid", "POST", `${DB}/collections/00000000-0000-4000-8000-000000000000/get`, {});
await raw("raw unknown include", "POST", `${C}/get`, { include: ["bogus"] });
await raw("raw negative limit", "POST", `${C}/get`, { limit: -1 });
await raw("raw delete nothing", "POST", `${C}/delete`, { ids: [] });
await raw("raw short tenant", "POST", "/api/v2/tenants", { name: "ab" });
await raw("raw metadata object", "POST", `${C}/add`, { ids: ["n"], embeddings: [[1, 2, 3, 4]], metadatas: [{ k: { x: 1 } }] });

// Deleting.
await step("delete collection", async () => client.deleteCollection({ name: "books_renamed" }));
await step("delete collection twice", async () => client.deleteCollection({ name: "books_renamed" }));
await step("use deleted collection", async () => books.count());
await step("list after delete", async () => (await client.listCollections()).map((c) => c.name).sort());

process.stdout.write(JSON.stringify(steps, null, 1) + "\n");

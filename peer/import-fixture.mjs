// Writes the Chroma 1.x import fixture through the real Chroma server (peer/start.sh) with Chroma's
// official client, and dumps what that server returns for every tenant, database, collection and
// record. Run by godwit-store/src/test/fixtures/chroma-1x.sh, which starts and stops the peer; the
// result is committed, so CI never runs this.
//   node peer/import-fixture.mjs write PORT      # fill a fresh peer
//   node peer/import-fixture.mjs dump PORT FILE  # what the peer returns now, as JSON
import { AdminClient, ChromaClient } from "chromadb";

const [mode, port, out] = process.argv.slice(2);
const host = "127.0.0.1";
const SCOPES = [
  { tenant: "default_tenant", database: "default_database" },
  { tenant: "acme", database: "research" },
];

// A seeded generator, so the fixture is the same on every run.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vectors(random, count, dim) {
  return Array.from({ length: count }, () => Array.from({ length: dim }, () => Math.round((random() * 2 - 1) * 1e6) / 1e6));
}

function client(scope) {
  return new ChromaClient({ host, port: Number(port), tenant: scope.tenant, database: scope.database });
}

// A record call sent as Chroma's API takes it, for what the client will not send (documents updated
// without new embeddings: the client would try to embed them).
async function raw(scope, collection, operation, body) {
  const url = `http://${host}:${port}/api/v2/tenants/${scope.tenant}/databases/${scope.database}/collections/${collection.id}/${operation}`;
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${operation}: ${response.status} ${await response.text()}`);
}

async function write() {
  const random = generator(20261201);
  const admin = new AdminClient({ host, port: Number(port) });
  await admin.createTenant({ name: "acme" });
  await admin.createDatabase({ name: "research", tenant: "acme" });
  const main = client(SCOPES[0]);

  // Every metadata type, documents and uris on some records only, then updates, upserts, deletes.
  const books = await main.createCollection({
    name: "books",
    embeddingFunction: null,
    metadata: { owner: "ann", shards: 2, ratio: 0.75, public: true, note: "ünïcødé ✓" },
  });
  // The client takes a field for every record of a call or for none: four calls, four shapes.
  const ids = Array.from({ length: 40 }, (_, i) => `book-${String(i).padStart(2, "0")}`);
  const meta = (i) => ({ year: 1990 + i, score: i / 8, rare: i % 2 === 0, title: `Title ${i}`, neg: -i, big: 9007199254740991, empty: "" });
  const shape = (k) => ids.map((id, i) => [id, i]).filter(([, i]) => i % 4 === k);
  const full = shape(0);
  await books.add({ ids: full.map(([id]) => id), embeddings: vectors(random, full.length, 4),
    documents: full.map(([id, i]) => `the text of ${id}, number ${i}`), uris: full.map(([id]) => `s3://bucket/${id}.txt`),
    metadatas: full.map(([, i]) => meta(i)) });
  const noUri = shape(1);
  await books.add({ ids: noUri.map(([id]) => id), embeddings: vectors(random, noUri.length, 4),
    documents: noUri.map(([id, i]) => `the text of ${id}, number ${i}`), metadatas: noUri.map(([, i]) => meta(i)) });
  const noDocument = shape(2);
  await books.add({ ids: noDocument.map(([id]) => id), embeddings: vectors(random, noDocument.length, 4),
    metadatas: noDocument.map(([, i]) => meta(i)) });
  const bare = shape(3);
  await books.add({ ids: bare.map(([id]) => id), embeddings: vectors(random, bare.length, 4) });
  await raw(SCOPES[0], books, "update", { ids: ["book-01", "book-02"], documents: ["rewritten one", "rewritten two"] });
  await books.update({ ids: ["book-03"], metadatas: [{ year: 3000, added: "later", rare: null }] });
  await books.update({ ids: ["book-05"], embeddings: vectors(random, 1, 4) });
  await raw(SCOPES[0], books, "update", { ids: ["book-absent"], documents: ["skipped by Chroma"] });
  await books.upsert({
    ids: ["book-06", "book-new"],
    embeddings: vectors(random, 2, 4),
    documents: ["upserted over six", "upserted new"],
    metadatas: [{ year: 1, kind: "upsert" }, { kind: "upsert-new" }],
  });
  await books.delete({ ids: ["book-10", "book-11"] });
  await books.delete({ where: { year: { $gte: 2025 } } });

  // The other spaces: by configuration and by Chroma's older metadata key.
  const notes = await main.createCollection({ name: "notes-cosine", embeddingFunction: null, configuration: { hnsw: { space: "cosine" } } });
  await notes.add({ ids: ["n1", "n2", "n3"], embeddings: vectors(random, 3, 3), documents: ["alpha", "beta", "gamma"] });
  const inner = await main.createCollection({ name: "inner-ip", embeddingFunction: null, metadata: { "hnsw:space": "ip" } });
  await inner.add({ ids: ["p1", "p2"], embeddings: vectors(random, 2, 2) });
  await main.createCollection({ name: "empty", embeddingFunction: null });

  // Enough records, with a low sync threshold, that the hnswlib files hold vectors purged from the log;
  // then updates and deletes after the last persist, which live only in the log.
  const bulk = await main.createCollection({ name: "bulk", embeddingFunction: null, configuration: { hnsw: { sync_threshold: 100, batch_size: 100 } } });
  for (let start = 0; start < 1250; start += 250) {
    const batch = Array.from({ length: 250 }, (_, i) => `bulk-${start + i}`);
    await bulk.add({ ids: batch, embeddings: vectors(random, batch.length, 8), metadatas: batch.map((_, i) => ({ n: start + i })) });
  }
  await bulk.delete({ ids: ["bulk-0", "bulk-1", "bulk-500"] });
  await bulk.update({ ids: ["bulk-2", "bulk-600"], embeddings: vectors(random, 2, 8), metadatas: [{ n: -2 }, { n: -600 }] });
  await bulk.upsert({ ids: ["bulk-3", "bulk-9999"], embeddings: vectors(random, 2, 8), documents: ["upserted", "upserted new"] });

  // A cosine index keeps vectors normalised, with their norms in length.bin: some in the files, some in the log.
  const spread = await main.createCollection({ name: "bulk-cosine", embeddingFunction: null, configuration: { hnsw: { space: "cosine", sync_threshold: 100, batch_size: 100 } } });
  for (let start = 0; start < 330; start += 110) {
    const batch = Array.from({ length: 110 }, (_, i) => `cos-${start + i}`);
    await spread.add({ ids: batch, embeddings: vectors(random, batch.length, 16) });
  }
  await spread.delete({ ids: ["cos-7"] });

  const other = client(SCOPES[1]);
  const papers = await other.createCollection({ name: "papers", embeddingFunction: null, metadata: { field: "physics" } });
  await papers.add({ ids: ["x", "y"], embeddings: vectors(random, 2, 3), documents: ["in another tenant", "and database"], metadatas: [{ cited: 3 }, { cited: 0.5 }] });

  // Array metadata: newer Chroma feature; recorded whether this server takes it.
  try {
    await books.update({ ids: ["book-00"], metadatas: [{ tags: ["a", "b"] }] });
    console.log("array metadata: accepted");
  } catch (e) {
    console.log("array metadata: refused by this server (" + e.message + ")");
  }
}

// Objects with their keys sorted: the server returns metadata in no fixed order.
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
}

async function dump() {
  const result = [];
  for (const scope of SCOPES) {
    const c = client(scope);
    for (const info of await c.listCollections()) {
      const collection = await c.getCollection({ name: info.name, embeddingFunction: null });
      const records = await collection.get({ include: ["embeddings", "documents", "metadatas", "uris"] });
      result.push({
        tenant: scope.tenant, database: scope.database, id: collection.id, name: collection.name,
        metadata: collection.metadata ?? null, configuration: collection.configuration ?? null,
        count: await collection.count(),
        records: records.ids.map((id, i) => ({
          id, embedding: records.embeddings[i], document: records.documents[i] ?? null,
          metadata: records.metadatas[i] ?? null, uri: records.uris[i] ?? null,
        })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      });
    }
  }
  result.sort((a, b) => `${a.tenant}/${a.database}/${a.name}`.localeCompare(`${b.tenant}/${b.database}/${b.name}`));
  const fs = await import("node:fs");
  fs.writeFileSync(out, JSON.stringify(canonical(result), null, 1) + "\n");
}

await (mode === "write" ? write() : dump());

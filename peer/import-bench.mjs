// Fills a running Chroma peer with the import benchmark's collection (godwit-bench ImportBench):
// COUNT records of DIM dimensions, a document and two metadata values each, in batches of 1000,
// through Chroma's own client. Chroma's default sync threshold leaves most vectors only in its
// hnswlib files, purged from its log, as a real 1.x directory of that size has them. Run again on
// the same peer, it goes on from the records the collection holds (a writer stopped half-way), with
// the same vectors an uninterrupted run would have written.
//   node peer/import-bench.mjs PORT COUNT DIM
import { ChromaClient } from "chromadb";

const [port, count, dim] = process.argv.slice(2).map(Number);
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const client = new ChromaClient({ host: "127.0.0.1", port });
const collection = await client.getOrCreateCollection({ name: "bench", embeddingFunction: null });
const done = await collection.count();
if (done % 1000 !== 0) {
  throw new Error(`the collection holds ${done} records, not whole batches of 1000: write the directory again`);
}
for (let i = 0; i < done * dim; i++) {
  random(); // the draws of the records already written
}
for (let start = done; start < count; start += 1000) {
  const ids = Array.from({ length: Math.min(1000, count - start) }, (_, i) => `r${start + i}`);
  await collection.add({
    ids,
    embeddings: ids.map(() => Array.from({ length: dim }, () => random() * 2 - 1)),
    documents: ids.map((id) => `document of ${id}`),
    metadatas: ids.map((_, i) => ({ n: start + i, group: `g${(start + i) % 10}` })),
  });
}
console.log(`wrote ${count - done} records of ${dim} dimensions after ${done}; count ${await collection.count()}`);

package io.godwit.server.it;

import java.util.ArrayList;
import java.util.List;

/**
 * At least 200 malformed requests: bodies that are not JSON, wrong types in every field of every
 * record route, non-finite and overflowing numbers, wrong dimensions, bad base64, deep nesting, bad
 * names, bad filters and includes, path traversal, oversize bodies. Each must be refused with a 4xx
 * and a clear message, and none may change the store. {@code {C}} in a path is the corpus
 * collection's id, {@code {DB}} the default database's prefix.
 */
final class MalformedCorpus {
    record Case(String name, String method, String path, String body) {
    }

    static final String DB = "/api/v2/tenants/default_tenant/databases/default_database";
    static final String C = DB + "/collections/{C}";

    private MalformedCorpus() {
    }

    static List<Case> cases(int maxBatchSize, long maxBody) {
        List<Case> out = new ArrayList<>();
        String[] notJson = {"{", "[", "nul", "{\"ids\": }", "{\"ids\": [\"a\",]}", "{'ids': ['a']}", "{} {}",
                "{\"ids\": [\"a\"]} trailing", "\u0000\u0001", "{\"ids\": [\"a\"], \"embeddings\": [[NaN, 1, 2]]}",
                "{\"ids\": [\"a\"], \"embeddings\": [[Infinity, 1, 2]]}", "{\"ids\": [\"a\"], \"embeddings\": [[-Infinity, 1, 2]]}",
                "\"just a string\"", "42", "[]", "true", "null", "{\"ids\": [\"a\"], \"embeddings\": [[0x10, 1, 2]]}"};
        String[] writeBodies = {
                "{\"ids\": \"a\", \"embeddings\": [[1, 2, 3]]}",
                "{\"ids\": 7, \"embeddings\": [[1, 2, 3]]}",
                "{\"ids\": {\"a\": 1}, \"embeddings\": [[1, 2, 3]]}",
                "{\"ids\": [1], \"embeddings\": [[1, 2, 3]]}",
                "{\"ids\": [null], \"embeddings\": [[1, 2, 3]]}",
                "{\"ids\": [[\"a\"]], \"embeddings\": [[1, 2, 3]]}",
                "{\"embeddings\": [[1, 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": \"not base64 !!\"}",
                "{\"ids\": [\"new1\"], \"embeddings\": 5}",
                "{\"ids\": [\"new1\"], \"embeddings\": {\"a\": [1, 2, 3]}}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[\"x\", 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[true, 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[[1], 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[null, 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3, 4]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1e39, 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[-1e39, 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1e999999, 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1" + "0".repeat(500) + ", 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [\"AAAA\"]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [\"AAA\"]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [\"AACAfwAAAAAAAAAA\"]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [\"AADAfwAAAAAAAAAA\"]}",
                "{\"ids\": [\"new1\", \"new2\"], \"embeddings\": [[1, 2, 3]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3], [4, 5, 6]]}",
                "{\"ids\": [\"new1\", \"new1\"], \"embeddings\": [[1, 2, 3], [4, 5, 6]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": \"m\"}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": [1]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": [[1]]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": [{\"k\": {\"x\": 1}}]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": [{\"k\": [{\"x\": 1}]}]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": [{\"k\": [[1]]}]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": [{\"k\": 1e999}]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": [{\"k\": 123456789012345678901234567890}]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"metadatas\": [{}, {}]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"documents\": 5}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"documents\": [5]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"documents\": [{\"d\": 1}]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"documents\": [\"a\", \"b\"]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"uris\": [5]}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"uris\": \"u\"}",
                "{\"ids\": [\"new1\"], \"embeddings\": [[1, 2, 3]], \"uris\": [\"a\", \"b\"]}",
        };
        for (String route : new String[] {"add", "upsert", "update"}) {
            for (String body : notJson) {
                out.add(new Case(route + " not json " + out.size(), "POST", C + "/" + route, body));
            }
            for (String body : writeBodies) {
                out.add(new Case(route + " " + out.size(), "POST", C + "/" + route, body));
            }
        }
        out.add(new Case("add too many ids", "POST", C + "/add", manyIds(maxBatchSize + 1)));
        out.add(new Case("delete too many ids", "POST", C + "/delete", manyIds(maxBatchSize + 1)));
        String[] reads = {
                "{\"ids\": \"a\"}", "{\"ids\": [1]}", "{\"include\": \"documents\"}", "{\"include\": [\"bogus\"]}",
                "{\"include\": [1]}", "{\"limit\": -1}", "{\"limit\": \"5\"}", "{\"limit\": 1.5}", "{\"offset\": -3}",
                "{\"offset\": 99999999999}", "{\"where\": \"x\"}", "{\"where\": [1]}", "{\"where\": {\"k\": {\"$bogus\": 1}}}",
                "{\"where\": {\"$and\": \"x\"}}", "{\"where\": {\"k\": {\"$gt\": \"text\"}}}", "{\"where\": {\"k\": {\"$in\": []}}}",
                "{\"where\": {\"k\": {\"$in\": [1, \"a\"]}}}", "{\"where\": {\"k\": {\"$eq\": {\"x\": 1}}}}",
                "{\"where\": {\"$or\": [{\"k\": 1}, 5]}}", "{\"where_document\": {\"$bogus\": \"x\"}}",
                "{\"where_document\": {\"$contains\": 5}}", "{\"where_document\": \"text\"}",
                "{\"where_document\": {\"$regex\": \"(unclosed\"}}", "{\"where\": " + nested(80) + "}",
                "{\"where\": {\"k\": {\"$eq\": 1, \"$ne\": 2}}}", "{\"where\": {\"$k\": 1}}"};
        for (String body : reads) {
            out.add(new Case("get " + body, "POST", C + "/get", body));
            if (body.contains("where") || body.contains("ids")) {
                out.add(new Case("delete " + body, "POST", C + "/delete", body));
            }
        }
        String[] queries = {"{}", "{\"query_embeddings\": null}", "{\"query_embeddings\": \"x\"}",
                "{\"query_embeddings\": [[1, 2]]}", "{\"query_embeddings\": [null]}", "{\"query_embeddings\": [[1, 2, \"3\"]]}",
                "{\"query_embeddings\": [[1, 2, 3]], \"n_results\": -1}", "{\"query_embeddings\": [[1, 2, 3]], \"n_results\": \"3\"}",
                "{\"query_embeddings\": [[1, 2, 3]], \"n_results\": 2.5}", "{\"query_embeddings\": [[1, 2, 3]], \"include\": [\"x\"]}",
                "{\"query_embeddings\": [[1, 2, 3]], \"where\": {\"k\": {\"$lt\": true}}}",
                "{\"query_embeddings\": [[1, 2, 3]], \"ids\": \"a\"}", "{\"query_embeddings\": [[1e40, 2, 3]]}"};
        for (String body : queries) {
            out.add(new Case("query " + body, "POST", C + "/query", body));
        }
        String[] names = {"\"\"", "\"ab\"", "\"a..b\"", "\"-abc\"", "\"abc-\"", "\"192.168.1.1\"", "\"" + "x".repeat(600) + "\"",
                "\"sp ace\"", "\"sl/ash\"", "5", "null", "[\"abc\"]", "{\"n\": 1}"};
        for (String name : names) {
            out.add(new Case("create collection " + name, "POST", DB + "/collections", "{\"name\": " + name + "}"));
        }
        // Tenant and database names only need 3 characters, as in Chroma.
        for (String name : new String[] {"\"\"", "\"ab\"", "5", "null", "[\"abc\"]", "{\"n\": 1}", "true"}) {
            out.add(new Case("create tenant " + name, "POST", "/api/v2/tenants", "{\"name\": " + name + "}"));
            out.add(new Case("create database " + name, "POST", "/api/v2/tenants/default_tenant/databases",
                    "{\"name\": " + name + "}"));
        }
        String[] creates = {"{\"name\": \"okname\", \"metadata\": \"m\"}", "{\"name\": \"okname\", \"metadata\": {\"k\": {}}}",
                "{\"name\": \"okname\", \"metadata\": {\"hnsw:space\": \"manhattan\"}}",
                "{\"name\": \"okname\", \"configuration\": {\"hnsw\": {\"space\": \"foo\"}}}",
                "{\"name\": \"okname\", \"configuration\": {\"hnsw\": {\"bogus\": 1}}}",
                "{\"name\": \"okname\", \"configuration\": {\"hnsw\": {\"ef_search\": -5}}}",
                "{\"name\": \"okname\", \"configuration\": \"x\"}", "{\"name\": \"okname\", \"get_or_create\": \"yes\"}",
                "{\"name\": \"okname\", \"configuration\": {\"embedding_function\": 5}}"};
        for (String body : creates) {
            out.add(new Case("create " + body, "POST", DB + "/collections", body));
        }
        String[] modifies = {"{\"new_name\": 5}", "{\"new_name\": \"a\"}", "{\"new_metadata\": [1]}",
                "{\"new_configuration\": {\"hnsw\": {\"bogus\": 1}}}", "[]"};
        for (String body : modifies) {
            out.add(new Case("modify " + body, "PUT", C, body));
        }
        String[] paths = {DB + "/collections/not-a-uuid/add", DB + "/collections/..%2F..%2Fetc%2Fpasswd/get",
                DB + "/collections/%2e%2e/count", DB + "/collections/00000000-0000-4000-8000-000000000000/count",
                "/api/v2/tenants/..%2F..%2Fetc/databases/default_database/collections",
                "/api/v2/tenants/default_tenant/databases/..%2Fsecret/collections",
                "/api/v2/../../etc/passwd", "/api/v2/tenants/%00/databases"};
        for (String path : paths) {
            out.add(new Case("path " + path, path.endsWith("/count") || path.endsWith("collections")
                    || path.endsWith("passwd") || path.endsWith("databases") ? "GET" : "POST", path, "{}"));
        }
        out.add(new Case("oversize declared", "POST", C + "/add", " ".repeat((int) maxBody + 1)));
        return out;
    }

    private static String manyIds(int n) {
        StringBuilder b = new StringBuilder("{\"ids\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"m").append(i).append('"');
        }
        return b.append("]}").toString();
    }

    private static String nested(int depth) {
        return "{\"$and\": [".repeat(depth) + "{\"k\": 1}" + "]}".repeat(depth);
    }
}

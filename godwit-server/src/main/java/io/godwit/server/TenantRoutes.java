package io.godwit.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.Database;
import io.godwit.store.StoreClient;
import io.godwit.store.Tenant;
import io.godwit.store.http.JsonValues;

import java.util.List;

import static io.godwit.server.ApiResponse.NODES;

/**
 * Tenants and databases. Listing and deleting tenants are Godwit's own additions (Chroma has no such
 * routes); the rest are Chroma's, with its answers ({@code {}} for writes) and 404 messages.
 */
final class TenantRoutes {
    static final String TENANT = "/api/v2/tenants/{tenant}";
    static final String DATABASE = TENANT + "/databases/{database}";

    private final StoreClient store;

    TenantRoutes(StoreClient store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/api/v2/tenants", "Creates a tenant {name}", false, this::createTenant),
                new Route("GET", "/api/v2/tenants", "Lists tenants (Godwit's addition)", false, r -> listTenants()),
                new Route("GET", TENANT, "A tenant", false, r -> ApiResponse.ok(tenant(existing(r.param("tenant"))))),
                new Route("PATCH", TENANT, "Updates a tenant (resource_name is accepted and not kept)", false,
                        this::updateTenant),
                new Route("DELETE", TENANT, "Deletes a tenant with its databases (Godwit's addition)", false,
                        this::deleteTenant),
                new Route("POST", TENANT + "/databases", "Creates a database {name}", false, this::createDatabase),
                new Route("GET", TENANT + "/databases", "Lists a tenant's databases (limit, offset)", false,
                        this::listDatabases),
                new Route("GET", DATABASE, "A database", false, this::getDatabase),
                new Route("DELETE", DATABASE, "Deletes a database with its collections", false, this::deleteDatabase));
    }

    private ApiResponse createTenant(ApiRequest r) {
        store.createTenant(name(r));
        return ApiResponse.empty();
    }

    private ApiResponse listTenants() {
        ArrayNode out = NODES.arrayNode();
        store.listTenants().forEach(t -> out.add(tenant(t)));
        return ApiResponse.ok(out);
    }

    private ApiResponse updateTenant(ApiRequest r) {
        existing(r.param("tenant"));
        JsonValues.optionalString(JsonValues.object(r.body(), "body").get("resource_name"), "resource_name");
        return ApiResponse.empty();
    }

    private ApiResponse deleteTenant(ApiRequest r) {
        store.deleteTenant(r.param("tenant"));
        return ApiResponse.empty();
    }

    private ApiResponse createDatabase(ApiRequest r) {
        store.createDatabase(r.param("tenant"), name(r));
        return ApiResponse.empty();
    }

    private ApiResponse listDatabases(ApiRequest r) {
        ArrayNode out = NODES.arrayNode();
        Integer offset = r.queryInt("offset");
        store.listDatabases(r.param("tenant"), r.queryInt("limit"), offset == null ? 0 : offset)
                .forEach(d -> out.add(database(d)));
        return ApiResponse.ok(out);
    }

    private ApiResponse getDatabase(ApiRequest r) {
        String name = r.param("database");
        return ApiResponse.ok(database(store.getDatabase(r.param("tenant"), name).orElseThrow(
                () -> ApiError.notFound("Database [" + name + "] not found. Are you sure it exists?"))));
    }

    private ApiResponse deleteDatabase(ApiRequest r) {
        store.deleteDatabase(r.param("tenant"), r.param("database"));
        return ApiResponse.empty();
    }

    private Tenant existing(String name) {
        return store.getTenant(name).orElseThrow(() -> ApiError.notFound("Tenant [" + name + "] not found"));
    }

    private static String name(ApiRequest r) {
        ObjectNode body = JsonValues.object(r.body(), "body");
        if (JsonValues.absent(body.get("name"))) {
            throw ApiError.invalid("name: missing; give the name to create");
        }
        return JsonValues.string(body.get("name"), "name");
    }

    private static ObjectNode tenant(Tenant t) {
        return NODES.objectNode().put("name", t.name()).putNull("resource_name");
    }

    static ObjectNode database(Database d) {
        return NODES.objectNode().put("id", d.id().toString()).put("name", d.name()).put("tenant", d.tenant());
    }
}

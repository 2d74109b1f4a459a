package io.godwit.store;

import java.util.UUID;

/** A database within a tenant; {@code default_database} exists in {@code default_tenant}. */
public record Database(UUID id, String name, String tenant) {
}

package io.godwit.store;

/** A tenant: the top of Chroma's hierarchy; {@code default_tenant} exists in every store. */
public record Tenant(String name) {
}

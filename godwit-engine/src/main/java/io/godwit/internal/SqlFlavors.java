package io.godwit.internal;

/** Which splitting rules a scope's scripts follow. */
final class SqlFlavors {
    private SqlFlavors() {
    }

    static SqlScriptSplitter.Flavor of(String scope) {
        return "postgresql".equals(scope) ? SqlScriptSplitter.Flavor.POSTGRESQL : SqlScriptSplitter.Flavor.SQLITE;
    }
}

package io.godwit.internal;

import java.util.ArrayList;
import java.util.List;

/** PLACEHOLDER until the real splitter lands: naive split on ';'. */
public final class SqlScriptSplitter {
    public enum Flavor { SQLITE, POSTGRESQL }

    public static List<SqlStatement> split(String script, Flavor flavor) {
        List<SqlStatement> out = new ArrayList<>();
        int n = 0;
        for (String part : script.split(";")) {
            if (!part.isBlank()) {
                out.add(new SqlStatement(++n, 1, part.strip()));
            }
        }
        return out;
    }
}

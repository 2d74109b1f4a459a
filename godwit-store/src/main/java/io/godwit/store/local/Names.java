package io.godwit.store.local;

import io.godwit.store.StoreException;

import java.util.regex.Pattern;

/**
 * Chroma's rules for names, checked when a name is given to something new (create, rename), never
 * when one is looked up: names that release 0.1.0 accepted stay readable.
 */
public final class Names {
    private static final Pattern COLLECTION = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private Names() {
    }

    public static String collection(String name) {
        if (name == null || !COLLECTION.matcher(name).matches() || name.contains("..") || IPV4.matcher(name).matches()) {
            throw StoreException.invalid("Collection name " + (name == null ? "null" : "'" + name + "'")
                    + " is not valid: use 3-512 characters from [a-zA-Z0-9._-], starting and ending with a letter"
                    + " or digit, without '..', and not an IPv4 address");
        }
        return name;
    }

    /** A tenant or database name: at least 3 characters. */
    public static String tenantOrDatabase(String what, String name) {
        if (name == null || name.length() < 3) {
            throw StoreException.invalid(what + " name " + (name == null ? "null" : "'" + name + "'")
                    + " is not valid: use at least 3 characters");
        }
        return name;
    }

    /** A required argument: refused with its name instead of a NullPointerException. */
    public static <T> T required(String what, T value) {
        if (value == null) {
            throw StoreException.invalid(what + " is required (got null)");
        }
        return value;
    }
}

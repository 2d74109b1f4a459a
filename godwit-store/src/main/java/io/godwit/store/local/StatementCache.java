package io.godwit.store.local;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SQLite connection that keeps its prepared statements for the next call instead of finalising
 * them: {@code prepareStatement(sql)} hands out the idle statement of that text when there is one,
 * and its {@code close()} resets it (closing its result set, clearing parameters and batch) and
 * keeps it, up to {@link #SIZE} texts, least recently used first out. sqlite-jdbc prepares anew on
 * every call, and a query prepared a dozen statements (about a third of a millisecond under load,
 * measured in {@code godwit run}'s profile: bench/SERVER-RESULTS.md). A statement in use is never
 * handed out twice: a second prepare of the same text while the first is open gets its own.
 *
 * <p>Everything else goes to the driver's connection ({@code unwrap} and {@code isWrapperFor}
 * included, so SQLite functions can still be registered). Used by one thread at a time, like any
 * connection of the store; a reset statement holds no lock and no read snapshot.
 */
final class StatementCache implements InvocationHandler {
    /** Distinct statement texts kept per connection: the store's statements, with room for the IN-list variants. */
    static final int SIZE = 64;

    private final Connection raw;
    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > SIZE) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    private StatementCache(Connection raw) {
        this.raw = raw;
    }

    /** {@code raw}, keeping its prepared statements. */
    static Connection wrap(Connection raw) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(raw));
    }

    /**
     * Runs a statement without results ({@code BEGIN}, {@code COMMIT}): on a connection of this cache
     * as a kept prepared statement, on any other as {@link Jdbc#execute}.
     */
    static void execute(Connection c, String sql) throws SQLException {
        if (Proxy.isProxyClass(c.getClass()) && Proxy.getInvocationHandler(c) instanceof StatementCache) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.execute();
            }
        } else {
            Jdbc.execute(c, sql);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("equals")) {
            return proxy == args[0];   // identity, as the driver's connections: the reader pool finds them by it
        }
        if (name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        if (name.equals("prepareStatement") && args.length == 1) {
            return prepare((String) args[0]);
        }
        if (name.equals("close")) {
            closeIdle();
        }
        return call(raw, method, args);
    }

    private synchronized Object prepare(String sql) throws SQLException {
        PreparedStatement ps = idle.remove(sql);
        if (ps == null) {
            ps = raw.prepareStatement(sql);
        }
        return Proxy.newProxyInstance(StatementCache.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                new Kept(sql, ps));
    }

    /** Back from use: reset and kept, unless a statement of that text is already idle (then this one is closed). */
    private synchronized void giveBack(String sql, PreparedStatement ps, ResultSet open) {
        try {
            if (open != null) {
                open.close();
            }
            ps.clearParameters();
            ps.clearBatch();
        } catch (SQLException e) {
            closeQuietly(ps);
            return;
        }
        if (idle.putIfAbsent(sql, ps) != null) {
            closeQuietly(ps);
        }
    }

    private synchronized void closeIdle() {
        List<PreparedStatement> all = new ArrayList<>(idle.values());
        idle.clear();
        all.forEach(StatementCache::closeQuietly);
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // finalising a statement the store no longer needs: nothing to protect
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One handed-out statement: {@code close()} gives it back; the result set it last made is closed then. */
    private final class Kept implements InvocationHandler {
        private final String sql;
        private final PreparedStatement ps;
        private ResultSet last;
        private boolean closed;

        Kept(String sql, PreparedStatement ps) {
            this.sql = sql;
            this.ps = ps;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        giveBack(sql, ps, last);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                default -> {
                    if (closed) {
                        throw new SQLException("statement is closed");
                    }
                    Object out = call(ps, method, args);
                    if (out instanceof ResultSet rs) {
                        last = rs;
                    }
                    return out;
                }
            }
        }
    }
}

package io.godwit.spi;

/**
 * The database-wide migration lock, held for one run. Closing releases it; a holder that dies
 * without closing must not block others for ever (the dialect's lock is released by the OS or
 * the server, and a later migrator takes it over).
 */
public interface MigrationLock extends AutoCloseable {
    @Override
    void close();
}

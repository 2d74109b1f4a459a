package io.godwit.spi;

/**
 * A hold on a store: shared while a client uses it, exclusive while a change needs it to itself.
 * Closing releases it; a holder that dies without closing releases it too (the OS or the server
 * drops it), so a crashed client never blocks an upgrade.
 */
public interface InUseHold extends AutoCloseable {
    /** A hold that holds nothing: a database that cannot track its users, or a forced change. */
    InUseHold NONE = () -> { };

    @Override
    void close();
}

package io.godwit.spi;

/**
 * A database held against every other user, for the moment its file is swapped. Closing lets
 * others in again. See {@link RestoreCapable#holdExclusively}.
 */
public interface ExclusiveHold extends AutoCloseable {
    @Override
    void close();
}

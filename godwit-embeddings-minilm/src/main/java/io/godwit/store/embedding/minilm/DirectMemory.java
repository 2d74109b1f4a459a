package io.godwit.store.embedding.minilm;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Frees a direct buffer now instead of whenever the garbage collector next finds it unreachable.
 * The model file is read into one (90 MB) and ONNX Runtime copies what it needs when the session
 * is made; until a collection that may be long in coming, the buffer would stay resident beside
 * the copy. Uses {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, in every JDK 9+);
 * where that is not available the buffer is left to the collector, as any other.
 */
final class DirectMemory {

    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not available here: free() leaves buffers to the collector.
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private DirectMemory() {
    }

    /** Frees {@code buffer}, which nothing may use afterwards; a heap buffer is left as it is. */
    static void free(ByteBuffer buffer) {
        if (INVOKE_CLEANER == null || !buffer.isDirect()) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Left to the collector.
        }
    }
}

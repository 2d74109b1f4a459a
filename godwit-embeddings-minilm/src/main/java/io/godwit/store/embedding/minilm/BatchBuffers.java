package io.godwit.store.embedding.minilm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Native memory for one model call: the three input tensors ({@code input_ids},
 * {@code attention_mask}, {@code token_type_ids}, each {@code [rows][tokens]} longs) and the output
 * the model writes into ({@code [rows][tokens][384]} floats), so that ONNX Runtime reads and writes
 * them in place: no copy into native memory before the call, none out of it after. A batch of 32
 * texts of 256 tokens needs 12.6 MB, so buffers are pooled rather than allocated per call (a direct
 * buffer is freed only when the garbage collector gets to it): a call takes one with
 * {@link Pool#take}, gives it back with {@link Pool#give}, and the pool keeps at most as many as
 * there are cores. Not thread-safe: one call uses a buffer at a time.
 */
final class BatchBuffers {

    private ByteBuffer inputs = ByteBuffer.allocateDirect(0);
    private ByteBuffer output = ByteBuffer.allocateDirect(0);

    /** The input buffers for {@code rows} x {@code tokens}: ids, mask, type ids; position 0, limit set. */
    LongBuffer[] inputs(int rows, int tokens) {
        int longs = rows * tokens;
        if (inputs.capacity() < 3 * longs * Long.BYTES) {
            inputs = ByteBuffer.allocateDirect(3 * longs * Long.BYTES).order(ByteOrder.nativeOrder());
        }
        LongBuffer all = inputs.clear().asLongBuffer();
        LongBuffer[] three = new LongBuffer[3];
        for (int i = 0; i < 3; i++) {
            three[i] = all.position(i * longs).limit((i + 1) * longs).slice();
            all.clear();
        }
        return three;
    }

    /** The output buffer for {@code rows} x {@code tokens} x {@code dim} floats; position 0, limit set. */
    FloatBuffer output(int rows, int tokens, int dim) {
        int floats = rows * tokens * dim;
        if (output.capacity() < floats * Float.BYTES) {
            output = ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
        }
        return output.clear().asFloatBuffer().limit(floats).slice();
    }

    /** Buffers for calls, reused; the idle ones kept are at most one per core. */
    static final class Pool {
        private final ConcurrentLinkedQueue<BatchBuffers> idle = new ConcurrentLinkedQueue<>();
        private final AtomicInteger idleCount = new AtomicInteger();
        private final int keep = Runtime.getRuntime().availableProcessors();

        BatchBuffers take() {
            BatchBuffers b = idle.poll();
            if (b == null) {
                return new BatchBuffers();
            }
            idleCount.decrementAndGet();
            return b;
        }

        /** Call once the tensors made on {@code b} are closed. */
        void give(BatchBuffers b) {
            if (idleCount.incrementAndGet() <= keep) {
                idle.offer(b);
            } else {
                idleCount.decrementAndGet();
            }
        }
    }
}

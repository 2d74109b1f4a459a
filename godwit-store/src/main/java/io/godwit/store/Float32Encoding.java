package io.godwit.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The queue's {@code FLOAT32} vector encoding: packed little-endian IEEE 754 floats, 4 bytes each. */
public final class Float32Encoding {
    public static final String NAME = "FLOAT32";

    private Float32Encoding() {
    }

    public static byte[] pack(float[] values) {
        byte[] bytes = new byte[values.length * Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);   // one bulk copy
        return bytes;
    }

    public static float[] unpack(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}

package io.godwit.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The queue's {@code FLOAT32} vector encoding: packed little-endian IEEE 754 floats, 4 bytes each. */
public final class Float32Encoding {
    public static final String NAME = "FLOAT32";

    private Float32Encoding() {
    }

    public static byte[] pack(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putFloat(v);
        }
        return buf.array();
    }

    public static float[] unpack(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.length / Float.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = buf.getFloat();
        }
        return values;
    }
}

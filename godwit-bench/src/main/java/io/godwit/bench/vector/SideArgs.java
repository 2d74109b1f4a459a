package io.godwit.bench.vector;

import io.godwit.store.Space;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The arguments both Godwit sides of a workload take ({@code DIR SPACE DIM K EF_ALT}, as
 * {@link VectorBench} passes them) and the rows they read from DIR: data.f32 and queries.f32.
 */
record SideArgs(Path dir, Space space, int dim, int k, int efAlt, float[][] data, float[][] queries) {

    static SideArgs parse(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int dim = Integer.parseInt(args[2]);
        return new SideArgs(dir, Space.fromWireName(args[1]), dim, Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), Dataset.readRows(dir.resolve("data.f32"), dim),
                Dataset.readRows(dir.resolve("queries.f32"), dim));
    }
}

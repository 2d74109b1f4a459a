package io.godwit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Makes an empty database for each measured apply, and throws it away afterwards (untimed). */
abstract class Fresh {

    abstract Target make(String tool, int iteration) throws Exception;

    abstract void discard(Target target) throws Exception;

    static Fresh of(Map<String, String> a, Dialect dialect) {
        if (dialect == Dialect.SQLITE) {
            Path scratch = Path.of(a.get("scratch"));
            return new Fresh() {
                @Override
                Target make(String tool, int iteration) throws Exception {
                    Files.createDirectories(scratch);
                    Path file = scratch.resolve("apply-" + tool + "-" + iteration + ".sqlite3");
                    Cleanup.deleteSqlite(file);
                    return Target.sqlite(file);
                }

                @Override
                void discard(Target target) throws Exception {
                    Cleanup.deleteSqlite(target.sqliteFile());
                }
            };
        }
        PgAdmin pg = PgAdmin.fromArgs(a.get("pg").split(",", -1), 0);
        return new Fresh() {
            @Override
            Target make(String tool, int iteration) throws Exception {
                return pg.recreate(name(tool, iteration));
            }

            @Override
            void discard(Target target) throws Exception {
                pg.drop(target.url().substring(target.url().lastIndexOf('/') + 1));
            }
        };
    }

    static String name(String tool, int iteration) {
        return "bench_apply_" + tool.replace('-', '_') + "_" + iteration;
    }
}

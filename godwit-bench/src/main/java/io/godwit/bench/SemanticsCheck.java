package io.godwit.bench;

import io.godwit.bench.tools.Tool;

import java.nio.file.Path;
import java.util.List;

/**
 * Before anything is timed, each tool shows that its validation does the same job as Godwit's:
 * it passes on a current database, and fails when a migration is pending or an applied file was
 * changed. A tool that passed either would be measured doing less work.
 */
final class SemanticsCheck {
    private SemanticsCheck() {
    }

    static void run(Tool tool, Dialect dialect, Path scratch, Target target) throws Exception {
        List<String> subsystems = List.of("sysdb", "embeddings_queue", "metadb");
        MigrationSet base = MigrationSet.generate("check", subsystems, 4);
        Fixture current = Fixture.write(scratch.resolve("current"), base, List.of(dialect));
        tool.apply(target, current);
        tool.validate(target, current);
        Fixture pending = Fixture.write(scratch.resolve("pending"), MigrationSet.generate("check", subsystems, 5),
                List.of(dialect));
        expectFailure(tool, target, pending, "a pending migration");
        Fixture changed = Fixture.write(scratch.resolve("changed"), base.changed(base.size() - 1), List.of(dialect));
        expectFailure(tool, target, changed, "a changed migration");
    }

    private static void expectFailure(Tool tool, Target target, Fixture fixture, String what) throws Exception {
        try {
            tool.validate(target, fixture);
        } catch (Exception e) {
            System.out.println("As expected, validation failed on " + what + ": " + Failures.reason(e));
            return;
        }
        throw new IllegalStateException("validation passed despite " + what);
    }
}

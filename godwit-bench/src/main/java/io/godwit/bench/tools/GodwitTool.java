package io.godwit.bench.tools;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.MigrationMode;
import io.godwit.bench.Dialect;
import io.godwit.bench.Fixture;
import io.godwit.bench.Target;

/** Godwit through its public API: one subsystem per folder, each with its own history. */
final class GodwitTool implements Tool {

    @Override
    public void apply(Target target, Fixture fixture) {
        godwit(target, fixture, MigrationMode.APPLY).migrate();
    }

    @Override
    public void validate(Target target, Fixture fixture) {
        godwit(target, fixture, MigrationMode.VALIDATE).migrate();
    }

    static Godwit godwit(Target target, Fixture fixture, MigrationMode mode) {
        GodwitConfiguration.Builder b = Godwit.configure();
        if (target.dialect() == Dialect.SQLITE) {
            b.sqlite(target.sqliteFile());
        } else {
            b.url(target.url()).user(target.user()).password(target.password()).schema("public");
        }
        for (String subsystem : fixture.set().subsystems()) {
            b.subsystem(subsystem, fixture.godwitDir(target.dialect(), subsystem));
        }
        return b.mode(mode).load();
    }
}

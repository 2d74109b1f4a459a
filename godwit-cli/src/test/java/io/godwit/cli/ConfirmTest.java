package io.godwit.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A migration marked {@code -- godwit:confirm}: asked at a terminal, refused without one, unless --confirm. */
class ConfirmTest {
    @TempDir
    Path dir;
    Path db;
    String[] migrate;

    @BeforeEach
    void gatedMigration() throws Exception {
        Path app = dir.resolve("app");
        Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);");
        Fixtures.write(app, "00002-drop-body.sqlite.sql",
                "-- godwit:confirm drops the body column of every note\nALTER TABLE notes DROP COLUMN body;");
        db = dir.resolve("g.sqlite3");
        migrate = new String[] {"migrate", "--db", db.toString(), "--no-builtin", "--migrations-dir", "app=" + app};
    }

    @Test
    void withoutATerminalTheRunIsRefusedWithExitThree() {
        ScriptedTerminal nobody = new ScriptedTerminal(false);

        CliRunner.Result r = CliRunner.run(Map.of(), nobody, migrate);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("godwit: Migration app/00002-drop-body.sqlite.sql (version 2) needs an operator's confirmation")
                .contains("drops the body column");
        assertThat(nobody.questions()).isEmpty();
        assertThat(db).doesNotExist();
    }

    @Test
    void confirmFlagAppliesWithoutAsking() {
        ScriptedTerminal operator = new ScriptedTerminal(true);

        CliRunner.Result r = CliRunner.run(Map.of(), operator, append(migrate, "--confirm"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Applied app/00002-drop-body.sqlite.sql");
        assertThat(operator.questions()).isEmpty();
    }

    @Test
    void atATerminalTheReasonIsShownAndYesApplies() {
        ScriptedTerminal operator = new ScriptedTerminal(true, "y");

        CliRunner.Result r = CliRunner.run(Map.of(), operator, migrate);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("app/00002-drop-body.sqlite.sql needs confirmation: drops the body column of every note")
                .contains("Applied 2 migrations");
        assertThat(operator.questions()).singleElement().asString().contains("[y/N]");
    }

    @Test
    void atATerminalAnythingButYesAppliesNothing() {
        ScriptedTerminal operator = new ScriptedTerminal(true, "");

        CliRunner.Result r = CliRunner.run(Map.of(), operator, migrate);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("godwit: Migration app/00002-drop-body.sqlite.sql");
        assertThat(operator.questions()).hasSize(1);
        assertThat(db).doesNotExist();
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}

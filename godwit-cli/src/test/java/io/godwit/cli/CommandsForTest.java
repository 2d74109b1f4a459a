package io.godwit.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which commands {@code main} registers with picocli: the one named on the line, else all (help, typos). */
class CommandsForTest {

    @Test
    void theNamedCommandAloneByNameOrAliasAfterGlobalOptions() {
        assertThat(GodwitCli.commandsFor(new String[] {"validate", "--path", "migrate"})).containsExactly(ValidateCommand.class);
        assertThat(GodwitCli.commandsFor(new String[] {"--verbose", "import-legacy", "--from", "x"}))
                .containsExactly(ImportCommand.class);
    }

    @Test
    void everyCommandForHelpAVersionOrAMisspeltCommand() {
        assertThat(GodwitCli.commandsFor(new String[] {"--help"})).isEqualTo(GodwitCli.COMMANDS);
        assertThat(GodwitCli.commandsFor(new String[] {})).isEqualTo(GodwitCli.COMMANDS);
        assertThat(GodwitCli.commandsFor(new String[] {"valdate", "--path", "x"})).isEqualTo(GodwitCli.COMMANDS);
    }
}

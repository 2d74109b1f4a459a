package io.godwit.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineClearingStreamTest {
    private static final String CLEAR = "\r\u001b[K";

    @Test
    void everyLineStartsByErasingWhatTheBarDrewOnIt() throws IOException {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new LineClearingStream(terminal), true, StandardCharsets.UTF_8);

        terminal.write("\rMigrating 50%".getBytes(StandardCharsets.UTF_8)); // the bar, on the raw stream
        err.print("first log line\nsecond ");
        err.print("half\n");
        err.write('x');

        assertThat(terminal.toString(StandardCharsets.UTF_8))
                .isEqualTo("\rMigrating 50%" + CLEAR + "first log line\n" + CLEAR + "second half\n" + CLEAR + "x");
    }
}

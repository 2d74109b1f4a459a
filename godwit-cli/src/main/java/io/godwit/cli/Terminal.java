package io.godwit.cli;

import java.io.Console;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Whether a person is at the other end. Questions are asked and progress bars drawn only then: a
 * script, a pipe or CI gets neither, so it can never hang on a prompt or collect bar redraws.
 */
interface Terminal {

    /** True when standard input and output are a terminal. */
    boolean interactive();

    /** Asks a question and returns the answer line, or null at end of input. Called only when interactive. */
    String ask(String question);

    /** Where progress bars are drawn (standard error, beside the log). */
    PrintStream progress();

    /**
     * The process's own terminal: interactive when {@link System#console()} exists. Then standard
     * error is routed through a {@link LineClearingStream}, so that log lines and the progress bar
     * (drawn on the original stream) share it without garbling each other.
     */
    static Terminal system() {
        Console console = System.console();
        PrintStream err = System.err;
        if (console != null) {
            System.setErr(new PrintStream(new LineClearingStream(err), true));
        }
        return new Terminal() {
            @Override
            public boolean interactive() {
                return console != null;
            }

            @Override
            public String ask(String question) {
                return console.readLine("%s", question);
            }

            @Override
            public PrintStream progress() {
                return err;
            }
        };
    }

    /** No person: nothing is asked, nothing is drawn. */
    static Terminal none() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String ask(String question) {
                throw new IllegalStateException("No terminal to ask: " + question);
            }

            @Override
            public PrintStream progress() {
                return new PrintStream(OutputStream.nullOutputStream());
            }
        };
    }
}

package io.godwit.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal with a person at it who gives the scripted answers; records the questions and the progress drawn. */
final class ScriptedTerminal implements Terminal {
    private final boolean interactive;
    private final Deque<String> answers;
    private final List<String> questions = new ArrayList<>();
    private final ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(drawn, true, StandardCharsets.UTF_8);

    ScriptedTerminal(boolean interactive, String... answers) {
        this.interactive = interactive;
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public String ask(String question) {
        questions.add(question);
        return answers.poll();
    }

    @Override
    public PrintStream progress() {
        return progress;
    }

    List<String> questions() {
        return questions;
    }

    String drawn() {
        return drawn.toString(StandardCharsets.UTF_8);
    }
}

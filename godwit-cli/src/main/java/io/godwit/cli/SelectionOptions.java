package io.godwit.cli;

import io.godwit.GodwitConfiguration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Which pending migrations a run takes, for the commands that apply or plan: a highest version
 * per subsystem and a subset of subsystems. A subsystem the configuration does not have is the
 * engine's error.
 */
public final class SelectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "SUBSYSTEM=VERSION",
            description = "Apply SUBSYSTEM only up to VERSION. Repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--only", paramLabel = "SUBSYSTEM",
            description = "Apply only this subsystem. Repeatable; by default all.")
    List<String> only = new ArrayList<>();

    void applyTo(GodwitConfiguration.Builder builder) {
        for (String text : targets) {
            KeyValue target = KeyValue.parse(spec, "--target", "SUBSYSTEM=VERSION", text);
            builder.target(target.key(), version(target.value()));
        }
        only.forEach(builder::only);
    }

    private int version(String text) {
        try {
            int version = Integer.parseInt(text);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--target needs a version number >= 0, got '" + text + "'");
    }
}

package io.godwit.bench.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Real sentences to embed: WordNet's glosses (Debian package {@code wordnet-base}), the first
 * {@code count} distinct ones of {@code data.noun} in file order, so that every run embeds the
 * same texts.
 */
final class Glosses {

    static final Path DATA_NOUN = Path.of("/usr/share/wordnet/data.noun");

    private Glosses() {
    }

    static List<String> first(int count) {
        if (!Files.isReadable(DATA_NOUN)) {
            throw new IllegalStateException(DATA_NOUN + " is missing: apt-get install -y wordnet-base");
        }
        Set<String> glosses = new LinkedHashSet<>();
        try (var lines = Files.lines(DATA_NOUN)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int bar = line.indexOf(" | ");
                if (!line.isEmpty() && Character.isDigit(line.charAt(0)) && bar > 0) {
                    glosses.add(line.substring(bar + 3).strip());
                    if (glosses.size() == count) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (glosses.size() < count) {
            throw new IllegalStateException(DATA_NOUN + " has only " + glosses.size() + " distinct glosses");
        }
        return new ArrayList<>(glosses);
    }
}

package io.godwit.store.metadata;

/**
 * Makes the Perl classes of a pattern Unicode-aware before RE2/J compiles it, as Chroma's Rust
 * {@code regex} crate has them: RE2/J reads {@code \w}, {@code \d} and {@code \s} as ASCII only,
 * Rust as Unicode, so {@code ^\w} must match "über". Each is rewritten to the Unicode classes RE2/J
 * knows, outside and inside {@code [...]}; everything else is copied as written. Left as RE2/J reads
 * them (ASCII), and listed as differences: {@code \b}/{@code \B}, and {@code \W}/{@code \S} inside a
 * bracket class (RE2/J cannot negate a union there).
 */
final class PerlClasses {
    private static final String WORD = "\\p{L}\\p{Nl}\\p{M}\\p{Nd}\\p{Pc}";
    private static final String SPACE = "\\t-\\r\\x{85}\\p{Z}";

    private PerlClasses() {
    }

    static String unicode(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(escape(pattern.charAt(++i), inClass));
            } else if (!inClass && c == '[') {
                inClass = true;
                out.append(c);
                i = classStart(pattern, i, out);
            } else if (inClass && c == '[' && pattern.startsWith("[:", i)) {
                int end = pattern.indexOf(":]", i + 2);   // a POSIX class such as [:alpha:]
                int stop = end < 0 ? i : end + 1;
                out.append(pattern, i, stop + 1);
                i = stop;
            } else {
                inClass &= c != ']';
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Copies a leading {@code ^} and a leading {@code ]} (a literal there) after {@code [}; returns the last index copied. */
    private static int classStart(String pattern, int open, StringBuilder out) {
        int i = open;
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
            out.append('^');
            i++;
        }
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
            out.append(']');
            i++;
        }
        return i;
    }

    private static String escape(char c, boolean inClass) {
        return switch (c) {
            case 'w' -> inClass ? WORD : "[" + WORD + "]";
            case 'W' -> inClass ? "\\W" : "[^" + WORD + "]";
            case 'd' -> "\\p{Nd}";
            case 'D' -> "\\P{Nd}";
            case 's' -> inClass ? SPACE : "[" + SPACE + "]";
            case 'S' -> inClass ? "\\S" : "[^" + SPACE + "]";
            default -> "\\" + c;
        };
    }
}

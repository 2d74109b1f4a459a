package io.godwit.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table and the aims, as Markdown: printed at the end of a run and written to a file. Within
 * one workload and database, "÷ shell" is a row's median over the shell's, and "Godwit ÷ this"
 * is Godwit's median over the row's (below 1: Godwit is faster).
 */
final class Report {
    private final List<Row> rows;

    Report(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    String table() {
        StringBuilder sb = new StringBuilder(
                "| Workload | DB | Tool | Median | IQR (p25–p75) | Min–max | n | ÷ shell | Godwit ÷ this |\n"
                + "|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Row>> group : groups().entrySet()) {
            Row shell = find(group.getValue(), Row.SHELL);
            Row godwit = find(group.getValue(), "godwit");
            for (Row r : group.getValue()) {
                sb.append("| ").append(r.section()).append(" | ").append(r.dialect().scope()).append(" | ")
                        .append(r.tool().equals(Row.SHELL) ? shellLabel(r.section()) : label(r.tool())).append(" | ");
                if (r.stats() == null) {
                    sb.append(r.missing()).append(" | | | | | |\n");
                    continue;
                }
                Stats s = r.stats();
                sb.append(Stats.format(s.median())).append(" | ").append(Stats.format(s.p25())).append("–")
                        .append(Stats.format(s.p75())).append(" | ").append(Stats.format(s.min())).append("–")
                        .append(Stats.format(s.max())).append(" | ").append(s.n()).append(" | ")
                        .append(r.tool().equals(Row.SHELL) ? "1x" : ratio(s, shell)).append(" | ")
                        .append(r.tool().equals("godwit") || r.tool().equals(Row.GODWIT_CLI) || r.tool().equals(Row.SHELL) ? "" : ratio(godwit == null ? null : godwit.stats(), r))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    /** The aims, each marked met or missed where both figures exist. */
    String aims() {
        List<String> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            aim(out, d, "1 validate 3x10, warm JVM", "flyway", 0.1, "≤ 0.1x Flyway");
            aim(out, d, "1 validate 3x10, cold process", "flyway", 0.6, "≤ 0.6x Flyway");
            aim(out, d, "1 validate 3x10, cold process", Row.GODWIT_CLI, "flyway", 0.5, "≤ 0.5x Flyway");
            for (Row r : rows) {
                if (r.dialect() == d && r.section().startsWith("2 apply") && r.tool().equals("godwit")) {
                    aim(out, d, r.section(), Row.SHELL, 3, "≤ 3x the shell");
                }
                if (r.dialect() == d && r.section().startsWith("3 validate") && r.tool().equals("godwit")) {
                    aim(out, d, r.section(), "flyway", 0.1, "≤ 0.1x Flyway");
                }
            }
            linearity(out, d);
        }
        return String.join("\n", out) + "\n";
    }

    private void aim(List<String> out, Dialect d, String section, String peer, double limit, String text) {
        aim(out, d, section, "godwit", peer, limit, text);
    }

    private void aim(List<String> out, Dialect d, String section, String tool, String peer, double limit, String text) {
        Row g = find(section, d, tool);
        Row p = find(section, d, peer);
        if (g == null || p == null || g.stats() == null || p.stats() == null) {
            return;
        }
        double ratio = g.stats().median() / p.stats().median();
        out.add(String.format("- %s, %s: %s %s = %.2fx %s (aim %s): %s", section, d.scope(),
                tool.equals("godwit") ? "Godwit" : label(tool), Stats.format(g.stats().median()), ratio, label(peer), text,
                ratio <= limit ? "met" : "MISSED"));
    }

    /** Godwit's validation time per applied migration at each size: flat means linear. */
    private void linearity(List<String> out, Dialect d) {
        List<String> parts = new ArrayList<>();
        for (Row r : rows) {
            if (r.dialect() == d && r.section().startsWith("3 validate") && r.tool().equals("godwit") && r.stats() != null) {
                int n = Integer.parseInt(r.section().replaceAll("^3 validate ([\\d,]+) .*$", "$1").replace(",", ""));
                parts.add(String.format("%,d: %s per migration", n, Stats.format(r.stats().median() / n)));
            }
        }
        if (parts.size() > 1) {
            out.add("- Godwit validation cost growth, " + d.scope() + ": " + String.join("; ", parts));
        }
    }

    private Map<String, List<Row>> groups() {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.section() + "|" + r.dialect(), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private Row find(String section, Dialect d, String tool) {
        return rows.stream().filter(r -> r.section().equals(section) && r.dialect() == d && r.tool().equals(tool))
                .findFirst().orElse(null);
    }

    private static Row find(List<Row> group, String tool) {
        return group.stream().filter(r -> r.tool().equals(tool)).findFirst().orElse(null);
    }

    private static String ratio(Stats numerator, Row denominator) {
        if (numerator == null || denominator == null || denominator.stats() == null) {
            return "–";
        }
        double r = numerator.median() / denominator.stats().median();
        return (r >= 100 ? String.format("%.0f", r) : r >= 10 ? String.format("%.1f", r) : String.format("%.2f", r)) + "x";
    }

    private static String shellLabel(String section) {
        return section.startsWith("2 apply") ? "shell: sqlite3 < script / psql -1 -f" : "shell: read history rows";
    }

    static String label(String tool) {
        return switch (tool) {
            case Row.SHELL -> "shell (sqlite3 / psql)";
            case "flyway-group" -> "flyway, group=true";
            case Row.GODWIT_CLI -> "godwit: bin/godwit validate";
            default -> tool;
        };
    }
}

package io.godwit.internal;

import static io.godwit.internal.SqlScriptSplitter.Flavor.POSTGRESQL;
import static io.godwit.internal.SqlScriptSplitter.Flavor.SQLITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.godwit.internal.SqlScriptSplitter.Flavor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus under {@code src/test/resources/splitter} holds one script per case, {@code NAME.sql},
 * and the statements it must split into, {@code NAME.expected}: each statement is a header line
 * {@code === NUMBER @ line LINE} followed by its exact text. Cases under {@code common} hold for both
 * flavors, the others for their own. Every case is also run with CRLF line ends.
 */
class SqlScriptSplitterTest {

    private static final List<String> CORPUS = List.of(
            "common/comments",
            "common/empty_statements",
            "common/line_numbers",
            "common/no_trailing_semicolon",
            "common/quoted_identifiers",
            "common/strings",
            "postgresql/begin_atomic",
            "postgresql/dollar_quotes",
            "postgresql/escape_strings",
            "postgresql/nested_comments",
            "postgresql/rules_and_triggers",
            "sqlite/comments",
            "sqlite/identifiers",
            "sqlite/trigger_case",
            "sqlite/triggers");

    private static final Pattern HEADER = Pattern.compile("=== (\\d+) @ line (\\d+)");

    // ---------------------------------------------------------------- corpus

    static Stream<Arguments> corpus() {
        return CORPUS.stream().flatMap(name -> flavorsOf(name).stream()
                .flatMap(flavor -> Stream.of(Arguments.of(name, flavor, "LF"), Arguments.of(name, flavor, "CRLF"))));
    }

    @ParameterizedTest(name = "{0} as {1}, {2}")
    @MethodSource("corpus")
    void splitsCorpusScript(String name, Flavor flavor, String lineEnds) throws IOException {
        String script = resource(name + ".sql");
        List<SqlStatement> expected = expected(name);
        if (lineEnds.equals("CRLF")) {
            script = script.replace("\n", "\r\n");
            expected = expected.stream()
                    .map(s -> new SqlStatement(s.number(), s.line(), s.sql().replace("\n", "\r\n")))
                    .collect(Collectors.toList());
        }

        assertThat(SqlScriptSplitter.split(script, flavor)).containsExactlyElementsOf(expected);
    }

    @Test
    void corpusListsEveryCaseAndEveryCaseHasItsExpectation() throws IOException, URISyntaxException {
        URL root = SqlScriptSplitterTest.class.getResource("/splitter");
        assertThat(root).as("corpus on the test classpath").isNotNull();
        Path dir = Paths.get(root.toURI());
        TreeSet<String> scripts = new TreeSet<>();
        TreeSet<String> expectations = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".sql")) {
                    scripts.add(rel.substring(0, rel.length() - 4));
                } else if (rel.endsWith(".expected")) {
                    expectations.add(rel.substring(0, rel.length() - 9));
                } else {
                    throw new AssertionError("stray file in the corpus: " + rel);
                }
            });
        }
        assertThat(scripts).containsExactlyElementsOf(new TreeSet<>(CORPUS));
        assertThat(expectations).containsExactlyElementsOf(scripts);
        for (String name : CORPUS) {
            assertThat(expected(name)).as(name).isNotEmpty();
        }
    }

    /** The SQLite corpus is real SQL: run in order, every statement SQLite is given succeeds. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sqliteCorpus")
    void sqliteCorpusRunsOnSqlite(String name) throws Exception {
        List<SqlStatement> statements = SqlScriptSplitter.split(resource(name + ".sql"), SQLITE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement st = c.createStatement()) {
            for (SqlStatement s : statements) {
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    throw new AssertionError(name + " statement " + s.number() + " at line " + s.line()
                            + " failed: " + e.getMessage() + "\n" + s.sql(), e);
                }
            }
        }
    }

    static Stream<String> sqliteCorpus() {
        return CORPUS.stream().filter(name -> flavorsOf(name).contains(SQLITE));
    }

    @Test
    void triggersFireAsWrittenAfterSplitting() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement st = c.createStatement()) {
            for (SqlStatement s : SqlScriptSplitter.split(resource("sqlite/trigger_case.sql"), SQLITE)) {
                st.execute(s.sql());
            }
            try (var rs = st.executeQuery("SELECT label FROM item WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("few");
            }
            try (var rs = st.executeQuery("SELECT group_concat(msg, ',') FROM log")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("stocked");
            }
        }
    }

    // ---------------------------------------------------------------- contract

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void scriptWithoutStatementsGivesNone(Flavor flavor) {
        assertThat(SqlScriptSplitter.split("", flavor)).isEmpty();
        assertThat(SqlScriptSplitter.split(" \r\n\t\f", flavor)).isEmpty();
        assertThat(SqlScriptSplitter.split(";\n ; ;;\r\n;", flavor)).isEmpty();
        assertThat(SqlScriptSplitter.split("-- only; a comment\n/* and; another */ ;\n-- no newline", flavor)).isEmpty();
    }

    @Test
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> SqlScriptSplitter.split(null, SQLITE));
        assertThatNullPointerException().isThrownBy(() -> SqlScriptSplitter.split("SELECT 1", null));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void crlfLinesAreCountedLikeLfLines(Flavor flavor) {
        String script = "-- head\r\nSELECT 1;\r\n\r\n/* a\r\n b */\r\nSELECT\r\n  2 -- tail\r\n;\r\r\nSELECT 3";
        assertThat(SqlScriptSplitter.split(script, flavor)).containsExactly(
                new SqlStatement(1, 2, "SELECT 1"),
                new SqlStatement(2, 6, "SELECT\r\n  2"),
                new SqlStatement(3, 9, "SELECT 3"));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void leadingByteOrderMarkIsSkipped(Flavor flavor) {
        assertThat(SqlScriptSplitter.split("\uFEFFSELECT 1;\nSELECT 2", flavor)).containsExactly(
                new SqlStatement(1, 1, "SELECT 1"),
                new SqlStatement(2, 2, "SELECT 2"));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void unterminatedStringRunsToTheEndAndReachesTheDatabase(Flavor flavor) {
        assertThat(SqlScriptSplitter.split("SELECT 1;\nSELECT 'oops;\nSELECT 3;\n", flavor)).containsExactly(
                new SqlStatement(1, 1, "SELECT 1"),
                new SqlStatement(2, 2, "SELECT 'oops;\nSELECT 3;\n"));
        assertThat(SqlScriptSplitter.split("SELECT \"oops; SELECT 3", flavor)).containsExactly(
                new SqlStatement(1, 1, "SELECT \"oops; SELECT 3"));
    }

    @Test
    void unterminatedBlockCommentIsACommentForSqliteButReachesPostgres() {
        String script = "SELECT 1;\n/* oops; SELECT 2;";
        assertThat(SqlScriptSplitter.split(script, SQLITE)).containsExactly(new SqlStatement(1, 1, "SELECT 1"));
        assertThat(SqlScriptSplitter.split(script, POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT 1"),
                new SqlStatement(2, 2, "/* oops; SELECT 2;"));
        assertThat(SqlScriptSplitter.split("SELECT 1 /* a /* b */ c; SELECT 2", POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT 1 /* a /* b */ c; SELECT 2"));
    }

    // ---------------------------------------------------------------- the flavors differ

    @Test
    void blockCommentsNestOnlyForPostgres() {
        String script = "/* a /* b */ SELECT 1; */ SELECT 2;";
        assertThat(SqlScriptSplitter.split(script, POSTGRESQL)).containsExactly(new SqlStatement(1, 1, "SELECT 2"));
        assertThat(SqlScriptSplitter.split(script, SQLITE)).containsExactly(
                new SqlStatement(1, 1, "SELECT 1"),
                new SqlStatement(2, 1, "*/ SELECT 2"));
    }

    @Test
    void aCarriageReturnEndsALineCommentOnlyForPostgres() {
        String script = "SELECT 1; -- c\rSELECT 2;\nSELECT 3";
        assertThat(SqlScriptSplitter.split(script, POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT 1"),
                new SqlStatement(2, 1, "SELECT 2"),
                new SqlStatement(3, 2, "SELECT 3"));
        assertThat(SqlScriptSplitter.split(script, SQLITE)).containsExactly(
                new SqlStatement(1, 1, "SELECT 1"),
                new SqlStatement(2, 2, "SELECT 3"));
    }

    @Test
    void escapeStringsOnlyForPostgres() {
        String script = "SELECT E'it\\'s; fine'; SELECT 2";
        assertThat(SqlScriptSplitter.split(script, POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT E'it\\'s; fine'"),
                new SqlStatement(2, 1, "SELECT 2"));
        assertThat(SqlScriptSplitter.split(script, SQLITE)).containsExactly(
                new SqlStatement(1, 1, "SELECT E'it\\'s"),
                new SqlStatement(2, 1, "fine'; SELECT 2"));
    }

    @Test
    void dollarQuotesOnlyForPostgres() {
        String script = "SELECT $$a;b$$; SELECT 2";
        assertThat(SqlScriptSplitter.split(script, POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT $$a;b$$"),
                new SqlStatement(2, 1, "SELECT 2"));
        assertThat(SqlScriptSplitter.split(script, SQLITE)).containsExactly(
                new SqlStatement(1, 1, "SELECT $$a"),
                new SqlStatement(2, 1, "b$$"),
                new SqlStatement(3, 1, "SELECT 2"));
    }

    @Test
    void bracketsAndBackquotesOnlyForSqlite() {
        String script = "SELECT [a;b], `c;d`; SELECT 2";
        assertThat(SqlScriptSplitter.split(script, SQLITE)).containsExactly(
                new SqlStatement(1, 1, "SELECT [a;b], `c;d`"),
                new SqlStatement(2, 1, "SELECT 2"));
        assertThat(SqlScriptSplitter.split(script, POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT [a"),
                new SqlStatement(2, 1, "b], `c"),
                new SqlStatement(3, 1, "d`"),
                new SqlStatement(4, 1, "SELECT 2"));
    }

    @Test
    void parenthesesHoldSemicolonsOnlyForPostgres() {
        String script = "SELECT (1; SELECT 2)";
        assertThat(SqlScriptSplitter.split(script, POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT (1; SELECT 2)"));
        assertThat(SqlScriptSplitter.split(script, SQLITE)).containsExactly(
                new SqlStatement(1, 1, "SELECT (1"),
                new SqlStatement(2, 1, "SELECT 2)"));
    }

    // ---------------------------------------------------------------- PostgreSQL

    @Test
    void positionalParametersAndDollarsInNamesAreNotDollarQuotes() {
        assertThat(SqlScriptSplitter.split("PREPARE p AS SELECT $1;SELECT $2 || $a;SELECT a$b$ FROM x$;SELECT 4", POSTGRESQL))
                .extracting(SqlStatement::sql)
                .containsExactly("PREPARE p AS SELECT $1", "SELECT $2 || $a", "SELECT a$b$ FROM x$", "SELECT 4");
        assertThat(SqlScriptSplitter.split("SELECT $1$x; SELECT 2; SELECT $1$x", POSTGRESQL))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT $1$x", "SELECT 2", "SELECT $1$x");
    }

    @Test
    void unterminatedDollarQuoteRunsToTheEnd() {
        assertThat(SqlScriptSplitter.split("SELECT 1; SELECT $a$ x; $A$; SELECT 3", POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT 1"),
                new SqlStatement(2, 1, "SELECT $a$ x; $A$; SELECT 3"));
    }

    @Test
    void escapeStringContinuesOnlyAcrossANewline() {
        assertThat(SqlScriptSplitter.split("SELECT E'a' 'b\\'; SELECT 2", POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT E'a' 'b\\'"),
                new SqlStatement(2, 1, "SELECT 2"));
        assertThat(SqlScriptSplitter.split("SELECT E'a' -- c;\n  'b\\'; c'; SELECT 2", POSTGRESQL)).containsExactly(
                new SqlStatement(1, 1, "SELECT E'a' -- c;\n  'b\\'; c'"),
                new SqlStatement(2, 2, "SELECT 2"));
        assertThat(SqlScriptSplitter.split("SELECT E'a'\n/* c */ 'b\\'; SELECT 2", POSTGRESQL))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT E'a'\n/* c */ 'b\\'", "SELECT 2");
    }

    @Test
    void onlyALoneEPrefixMakesAnEscapeString() {
        assertThat(SqlScriptSplitter.split("SELECT typE'\\'; SELECT e'\\\\'; SELECT E'\\\\\\''';'", POSTGRESQL))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT typE'\\'", "SELECT e'\\\\'", "SELECT E'\\\\\\''';'");
    }

    @Test
    void beginAtomicHoldsSemicolonsOnlyInARoutine() {
        assertThat(SqlScriptSplitter.split(
                "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END; SELECT 3",
                POSTGRESQL)).extracting(SqlStatement::sql).containsExactly(
                "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END",
                "SELECT 3");
        assertThat(SqlScriptSplitter.split("SELECT begin atomic FROM t; SELECT 2; CREATE VIEW v AS SELECT begin atomic FROM t; SELECT 4",
                POSTGRESQL)).hasSize(4);
        assertThat(SqlScriptSplitter.split("begin; select 1; end; commit", POSTGRESQL))
                .extracting(SqlStatement::sql).containsExactly("begin", "select 1", "end", "commit");
        assertThat(SqlScriptSplitter.split("CREATE FUNCTION f() RETURNS int LANGUAGE sql\n"
                + "begin /* x */ -- y\n atomic select 1; end; select 2", POSTGRESQL))
                .extracting(SqlStatement::line).containsExactly(1, 3);
    }

    @Test
    void strayClosingParenthesisDoesNotHoldSemicolons() {
        assertThat(SqlScriptSplitter.split("SELECT 1); SELECT (2); SELECT 3", POSTGRESQL))
                .extracting(SqlStatement::sql).containsExactly("SELECT 1)", "SELECT (2)", "SELECT 3");
    }

    // ---------------------------------------------------------------- SQLite triggers

    @Test
    void triggerKeywordsAreCaseInsensitive() {
        assertThat(SqlScriptSplitter.split("cReAtE TeMpOrArY tRiGgEr t AfTeR InSeRt On x BeGiN sElEcT 1; SeLeCt 2; eNd; SELECT 3", SQLITE))
                .extracting(SqlStatement::sql).containsExactly(
                        "cReAtE TeMpOrArY tRiGgEr t AfTeR InSeRt On x BeGiN sElEcT 1; SeLeCt 2; eNd", "SELECT 3");
    }

    @Test
    void triggerEndsOnlyAtEndAsAWholeWordAfterASemicolon() {
        String script = "CREATE TRIGGER t AFTER INSERT ON x BEGIN\n"
                + "  UPDATE x SET ended = 1, endless = 'END', \"end\" = [end], `end` = 'x; END; y';\n"
                + "  UPDATE x SET begin_at = end_at; -- END;\n"
                + "  /* ; END; */ SELECT 1;\n"
                + "END_AT;\n"
                + "  SELECT 2; END;\n"
                + "SELECT 3;";
        List<SqlStatement> statements = SqlScriptSplitter.split(script, SQLITE);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 7);
        assertThat(statements.get(0).sql()).endsWith("SELECT 2; END");
        assertThat(statements.get(1).sql()).isEqualTo("SELECT 3");
    }

    @Test
    void triggerWithoutBodyStillEndsAtItsSemicolon() {
        assertThat(SqlScriptSplitter.split("CREATE TRIGGER t AFTER INSERT ON x; SELECT 2; END; SELECT 3", SQLITE))
                .extracting(SqlStatement::sql).containsExactly("CREATE TRIGGER t AFTER INSERT ON x", "SELECT 2", "END", "SELECT 3");
    }

    @Test
    void triggerAtTheEndOfTheScriptNeedsNoSemicolon() {
        assertThat(SqlScriptSplitter.split("SELECT 1;\nCREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END -- done", SQLITE))
                .containsExactly(
                        new SqlStatement(1, 1, "SELECT 1"),
                        new SqlStatement(2, 2, "CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END"));
    }

    @Test
    void onlyAStatementOpeningWithCreateTriggerHasABody() {
        assertThat(SqlScriptSplitter.split("CREATE TABLE triggers (begin, end); BEGIN; SELECT 1; END; "
                + "INSERT INTO triggers VALUES ('CREATE TRIGGER', 'BEGIN'); SELECT 2", SQLITE))
                .extracting(SqlStatement::sql).containsExactly(
                        "CREATE TABLE triggers (begin, end)", "BEGIN", "SELECT 1", "END",
                        "INSERT INTO triggers VALUES ('CREATE TRIGGER', 'BEGIN')", "SELECT 2");
        assertThat(SqlScriptSplitter.split("CREATE \"TRIGGER\" t; SELECT 1; END; SELECT 2", SQLITE)).hasSize(4);
    }

    // ---------------------------------------------------------------- size

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void splitsAOneMegabyteScript(Flavor flavor) {
        String block = "CREATE TABLE t%1$d (id INTEGER PRIMARY KEY, note TEXT); -- table %1$d; of many\n"
                + "INSERT INTO t%1$d (note) VALUES ('semi; colon /* not a comment */'), ('it''s');\n"
                + "/* a block comment;\n   over two lines */\n"
                + "CREATE TRIGGER g%1$d AFTER INSERT ON t%1$d BEGIN\n"
                + "  UPDATE t%1$d SET note = CASE WHEN note IS NULL THEN 'x' ELSE note END WHERE id = new.id;\n"
                + "  DELETE FROM t%1$d WHERE note = 'END;';\n"
                + "END;\n";
        StringBuilder script = new StringBuilder();
        int blocks = 0;
        while (script.length() < 1 << 20) {
            script.append(String.format(block, blocks++));
        }

        List<SqlStatement> statements = SqlScriptSplitter.split(script.toString(), flavor);

        // PostgreSQL has no trigger bodies: each of the trigger's inner statements stands alone.
        int perBlock = flavor == SQLITE ? 3 : 5;
        assertThat(statements).hasSize(blocks * perBlock);
        int last = blocks - 1;
        for (int b = 0; b < blocks; b++) {
            SqlStatement first = statements.get(b * perBlock);
            assertThat(first.number()).isEqualTo(b * perBlock + 1);
            assertThat(first.line()).isEqualTo(b * 8 + 1);
            assertThat(first.sql()).isEqualTo("CREATE TABLE t" + b + " (id INTEGER PRIMARY KEY, note TEXT)");
        }
        SqlStatement lastTrigger = statements.get(blocks * perBlock - (flavor == SQLITE ? 1 : 3));
        assertThat(lastTrigger.line()).isEqualTo(last * 8 + 5);
        assertThat(lastTrigger.sql()).startsWith("CREATE TRIGGER g" + last + " ")
                .endsWith(flavor == SQLITE ? "'END;';\nEND" : "END WHERE id = new.id");
    }

    @Test
    void splitsAThousandSmallScripts() {
        int total = 0;
        for (int i = 0; i < 1000; i++) {
            String script = "-- V" + i + "\nCREATE TABLE t" + i + " (a INTEGER);\nINSERT INTO t" + i + " VALUES (" + i + ");\n";
            List<SqlStatement> statements = SqlScriptSplitter.split(script, i % 2 == 0 ? SQLITE : POSTGRESQL);
            assertThat(statements.get(1)).isEqualTo(new SqlStatement(2, 3, "INSERT INTO t" + i + " VALUES (" + i + ")"));
            total += statements.size();
        }
        assertThat(total).isEqualTo(2000);
    }

    // ---------------------------------------------------------------- corpus files

    private static List<Flavor> flavorsOf(String name) {
        if (name.startsWith("common/")) {
            return List.of(SQLITE, POSTGRESQL);
        }
        if (name.startsWith("sqlite/")) {
            return List.of(SQLITE);
        }
        if (name.startsWith("postgresql/")) {
            return List.of(POSTGRESQL);
        }
        throw new IllegalArgumentException(name);
    }

    /** A corpus file, with line ends made LF whatever a checkout did to them. */
    private static String resource(String name) throws IOException {
        try (InputStream in = SqlScriptSplitterTest.class.getResourceAsStream("/splitter/" + name)) {
            assertThat(in).as("corpus file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    private static List<SqlStatement> expected(String name) throws IOException {
        List<SqlStatement> statements = new ArrayList<>();
        int number = 0;
        int line = 0;
        StringBuilder sql = null;
        for (String row : resource(name + ".expected").split("\n", -1)) {
            Matcher header = HEADER.matcher(row);
            if (header.matches()) {
                if (sql != null) {
                    statements.add(new SqlStatement(number, line, strip(sql)));
                }
                number = Integer.parseInt(header.group(1));
                line = Integer.parseInt(header.group(2));
                sql = new StringBuilder();
            } else if (sql == null) {
                throw new IllegalStateException(name + ".expected must open with a header: " + row);
            } else {
                sql.append(row).append('\n');
            }
        }
        if (sql != null) {
            statements.add(new SqlStatement(number, line, strip(sql)));
        }
        return statements;
    }

    /** The text ends where the next header or the file begins: drop that last line end. */
    private static String strip(StringBuilder sql) {
        String s = sql.toString();
        while (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}

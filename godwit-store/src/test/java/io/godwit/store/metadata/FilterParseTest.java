package io.godwit.store.metadata;

import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every malformed filter shape is refused before anything runs, with one INVALID_ARGUMENT error
 * that names the place in the filter, the operator or key, and the operand; and what parses
 * compiles to SQL whose values are all bind parameters.
 */
class FilterParseTest {

    @Test
    void unknownOperatorNamesItAndListsTheValidOnes() {
        assertWhere(Map.of("year", Map.of("$foo", 1)), "Invalid filter at where.year: unknown operator \"$foo\"; the"
                + " operators on a metadata key are $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $contains, $not_contains");
    }

    @Test
    void orderingOperatorsTakeNumbersOnly() {
        assertWhere(Map.of("year", Map.of("$gt", "2000")), "Invalid filter at where.year: $gt compares numbers only,"
                + " got the string \"2000\"; use $eq or $ne for strings and booleans");
        assertWhere(Map.of("year", Map.of("$lte", true)), "$lte compares numbers only, got the boolean true");
    }

    @Test
    void inNeedsANonEmptyListOfOneType() {
        assertWhere(Map.of("genre", Map.of("$in", List.of())), "Invalid filter at where.genre: $in takes a non-empty"
                + " list of values of one type, got an empty list");
        assertWhere(Map.of("genre", Map.of("$nin", "poetry")), "$nin takes a non-empty list of values of one type,"
                + " got the string \"poetry\"");
        assertWhere(Map.of("genre", Map.of("$in", List.of("a", 1))), "Invalid filter at where.genre: $in takes values"
                + " of one type, but element 0 is a string and element 1 is the integer 1");
        assertWhere(Map.of("genre", Map.of("$in", List.of(true, "a"))), "element 0 is a boolean and element 1 is the string \"a\"");
        assertWhere(Map.of("genre", Map.of("$in", List.of(List.of("a")))), "$in[0] takes a string, integer, float or boolean, got a list");
    }

    @Test
    void integersAndFloatsMixInOneList() {
        assertThat(RecordFilter.parse(Map.of("year", Map.of("$in", List.of(2001, 5.5))), null).isEmpty()).isFalse();
        assertThat(RecordFilter.parse(Map.of("year", Map.of("$nin", List.of(5.5, 2001L))), null).isEmpty()).isFalse();
    }

    @Test
    void anObjectHoldsExactlyOneKey() {
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("genre", "poetry");
        two.put("year", 2001);
        assertWhere(two, "Invalid filter at where: the object has 2 keys (\"genre\", \"year\") but a filter object holds"
                + " exactly one; combine several with {\"$and\": [...]}");
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("$gt", 1);
        ops.put("$lt", 5);
        assertWhere(Map.of("year", ops), "Invalid filter at where.year: the object has 2 keys (\"$gt\", \"$lt\")");
        assertWhere(Map.of("year", Map.of()), "Invalid filter at where.year: the object is empty");
    }

    @Test
    void logicalOperatorsTakeListsOfFiltersAndNameTheBadChild() {
        assertWhere(Map.of("$and", Map.of("genre", "a")), "Invalid filter at where: $and takes a list of filters, got an object");
        assertWhere(Map.of("$or", List.of(Map.of("genre", "a"), Map.of("year", Map.of("$gt", "x")))),
                "Invalid filter at where.$or[1].year: $gt compares numbers only");
        assertWhere(Map.of("$and", List.of("genre")), "Invalid filter at where.$and[0]: expected an object");
        assertWhere(Map.of("$and", List.of(Map.of())), "Invalid filter at where.$and[0]: the object is empty");
    }

    @Test
    void oneChildAndNoChildrenAreAcceptedAsChromaAccepts() {
        assertThat(RecordFilter.parse(Map.of("$and", List.of(Map.of("genre", "a"))), null).isEmpty()).isFalse();
        List<Object> params = new ArrayList<>();
        assertThat(RecordFilter.parse(Map.of("$and", List.of()), null).sql(false, params)).isEqualTo("1=1");
        assertThat(RecordFilter.parse(Map.of("$or", List.of()), null).sql(false, params)).isEqualTo("1=0");
        assertThat(params).isEmpty();
    }

    @Test
    void operandsThatAreNotScalarsAreRefused() {
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("genre", null);
        assertWhere(nullValue, "Invalid filter at where.genre: {\"genre\": value} takes a string, integer, float or"
                + " boolean, got null");
        assertWhere(Map.of("genre", List.of("a")), "got a list; to match any of several values use {\"$in\": [...]}");
        assertWhere(Map.of("genre", Map.of("$eq", Map.of("$eq", "a"))), "$eq takes a string, integer, float or boolean, got an object");
        assertWhere(Map.of("year", new BigInteger("9223372036854775808")), "out of range");
        assertWhere(Map.of("year", Double.NaN), "out of range");
    }

    @Test
    void reservedKeysAreRefused() {
        assertWhere(Map.of("$genre", "x"), "Invalid filter at where: \"$genre\" is not a logical operator ($and, $or);"
                + " a comparison goes inside a key, as in {\"year\": {\"$gt\": 2000}}, and metadata keys cannot start with '$'");
        assertWhere(Map.of("$contains", "x"), "\"$contains\" is not a logical operator");
        assertWhere(Map.of("#document", Map.of("$contains", "x")), "metadata keys cannot start with '#' (\"#document\");"
                + " Chroma reserves them (filter documents with whereDocument)");
        assertWhere(Map.of("genre", Map.of("$regex", "^p")), "$regex applies to documents only: pass it in whereDocument");
    }

    @Test
    void whereDocumentShapesAreChecked() {
        assertDocument(Map.of("$foo", "x"), "Invalid filter at whereDocument: unknown operator \"$foo\"; whereDocument"
                + " takes $contains, $not_contains, $regex, $not_regex, $and, $or");
        assertDocument(Map.of("genre", "x"), "(metadata keys are filtered with where, not whereDocument)");
        assertDocument(Map.of("$contains", 5), "Invalid filter at whereDocument: $contains takes a string, got the integer 5");
        assertDocument(Map.of("$or", List.of(Map.of("$contains", "a"), Map.of("$regex", List.of()))),
                "Invalid filter at whereDocument.$or[1]: $regex takes a string, got an empty list");
        assertDocument(Map.of("$regex", "(a)\\1"), "$regex pattern \"(a)\\1\" is not a valid regular expression");
        assertDocument(Map.of("$not_regex", "(?=a)"), "$not_regex pattern \"(?=a)\" is not a valid regular expression");
        assertDocument(Map.of("$regex", "("), "missing closing )");
    }

    @Test
    void everyValueIsABindParameter() {
        String hostile = "x' OR '1'='1";
        RecordFilter f = RecordFilter.parse(Map.of(hostile, Map.of("$in", List.of(hostile, "b"))),
                Map.of("$contains", hostile));
        for (boolean postgres : new boolean[] {false, true}) {
            List<Object> params = new ArrayList<>();
            String sql = f.sql(postgres, params);
            assertThat(sql).doesNotContain("'1'").doesNotContain("OR '");
            assertThat(params).contains(hostile);
        }
    }

    @Test
    void onlyPostgresLeavesRegexToTheDocumentCheck() {
        RecordFilter regex = RecordFilter.parse(Map.of("genre", "a"), Map.of("$or", List.of(Map.of("$regex", "^a"))));
        assertThat(regex.needsDocumentCheck(true)).isTrue();
        assertThat(regex.needsDocumentCheck(false)).isFalse();
        assertThat(regex.matchesDocument("abc")).isTrue();
        assertThat(regex.matchesDocument("cba")).isFalse();
        assertThat(regex.matchesDocument(null)).isFalse();
        RecordFilter plain = RecordFilter.parse(null, Map.of("$contains", "a"));
        assertThat(plain.needsDocumentCheck(true)).isFalse();
        assertThat(plain.matchesDocument("zzz")).isTrue();   // SQL decided it all
        assertThat(RecordFilter.parse(Map.of(), Map.of()).isEmpty()).isTrue();
        assertThat(RecordFilter.parse(null, null).sql(true, new ArrayList<>())).isEqualTo("1=1");
    }

    private static void assertWhere(Map<String, Object> where, String message) {
        assertThatThrownBy(() -> RecordFilter.parse(where, null)).isInstanceOf(StoreException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_ARGUMENT));
    }

    private static void assertDocument(Map<String, Object> whereDocument, String message) {
        assertThatThrownBy(() -> RecordFilter.parse(null, whereDocument)).isInstanceOf(StoreException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_ARGUMENT));
    }
}

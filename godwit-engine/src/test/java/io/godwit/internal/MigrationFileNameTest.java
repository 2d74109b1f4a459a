package io.godwit.internal;

import io.godwit.MigrationSourceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationFileNameTest {
    @Test
    void versionDescriptionAndScopeAreRead() {
        MigrationFileName n = MigrationFileName.parse("sysdb", "00003-collection-dimension.sqlite.sql");
        assertThat(n.version()).isEqualTo(3);
        assertThat(n.description()).isEqualTo("collection-dimension");
        assertThat(n.scope()).isEqualTo("sqlite");
        assertThat(n.repeatable()).isFalse();
    }

    @Test
    void theDescriptionIsEverythingBetweenDashAndScope() {
        MigrationFileName n = MigrationFileName.parse("x", "12-add.more-things.postgresql.sql");
        assertThat(n.version()).isEqualTo(12);
        assertThat(n.description()).isEqualTo("add.more-things");
        assertThat(n.scope()).isEqualTo("postgresql");
    }

    @Test
    void repeatablesHaveVersionZero() {
        MigrationFileName n = MigrationFileName.parse("x", "R-views.sqlite.sql");
        assertThat(n.repeatable()).isTrue();
        assertThat(n.description()).isEqualTo("views");
    }

    @Test
    void badNamesAreNamedInTheError() {
        for (String bad : new String[] {"collections.sqlite.sql", "00001-collections.sql", "00001_x.sqlite.sql",
                "00000-zero.sqlite.sql", "99999999999-huge.sqlite.sql"}) {
            assertThatThrownBy(() -> MigrationFileName.parse("sysdb", bad)).as(bad)
                    .isInstanceOf(MigrationSourceException.class).hasMessageContaining("sysdb/" + bad);
        }
        assertThat(MigrationFileName.isSql("notes.txt")).isFalse();
    }
}

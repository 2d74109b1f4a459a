package io.godwit.source;

import io.godwit.Godwit;
import io.godwit.MigrationSourceException;
import io.godwit.spi.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migrations shipped inside a jar, as the built-in subsystems are, and folders that are not there. */
class ClasspathSourceTest {
    @TempDir
    Path temp;

    @Test
    void readsAFolderInsideAJarAndMigratesFromIt() throws Exception {
        Path jar = temp.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Folder entries, as jar and Maven write them: a class loader finds folders through them.
            for (String folder : new String[] {"db/", "db/shop/", "db/other/"}) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            entry(out, "db/shop/00001-orders.sqlite.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);");
            entry(out, "db/shop/00002-order-total.sqlite.sql", "ALTER TABLE orders ADD COLUMN total REAL;");
            entry(out, "db/shop/00001-orders.postgresql.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
            entry(out, "db/other/00001-x.sqlite.sql", "CREATE TABLE x (id INTEGER);");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ClasspathSource source = new ClasspathSource("db/shop/", loader);

            assertThat(source.files()).extracting(SourceFile::name).containsExactlyInAnyOrder(
                    "00001-orders.sqlite.sql", "00002-order-total.sqlite.sql", "00001-orders.postgresql.sql");
            assertThat(source.location()).isEqualTo("classpath:db/shop");
            assertThat(Godwit.configure().sqlite(temp.resolve("shop.sqlite3")).subsystem("shop", source).load()
                    .migrate().applied()).hasSize(2);
        }
    }

    @Test
    void aMissingFolderIsABadSource() {
        assertThatThrownBy(() -> new ClasspathSource("no/such/folder").files())
                .isInstanceOf(MigrationSourceException.class).hasMessageContaining("classpath:no/such/folder");
        assertThatThrownBy(() -> new DirectorySource(temp.resolve("absent")).files())
                .isInstanceOf(MigrationSourceException.class).hasMessageContaining("absent");
    }

    private static void entry(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

}

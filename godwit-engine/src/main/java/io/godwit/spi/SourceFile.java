package io.godwit.spi;

/** One file of a migration folder: its bare name (no folders) and its text as read, undecoded BOM and all. */
public record SourceFile(String name, String text) {
}

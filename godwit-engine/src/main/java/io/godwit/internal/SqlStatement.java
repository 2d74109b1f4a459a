package io.godwit.internal; public record SqlStatement(int number, int line, String sql) {}

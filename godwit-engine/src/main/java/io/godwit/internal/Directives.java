package io.godwit.internal;

/**
 * The {@code -- godwit:...} directives a migration declares in its leading comment lines. Only
 * the comment block at the top counts, so that a directive quoted further down does nothing.
 */
record Directives(boolean noTransaction, String confirmReason) {

    static Directives read(String text) {
        boolean noTransaction = false;
        String confirm = null;
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            String s = text.substring(from, nl < 0 ? text.length() : nl).strip();
            from = nl < 0 ? text.length() : nl + 1;
            if (s.isEmpty()) {
                continue;
            }
            if (!s.startsWith("--")) {
                break;
            }
            String body = s.substring(2).strip();
            if (body.equals("godwit:no-transaction")) {
                noTransaction = true;
            } else if (body.startsWith("godwit:confirm")) {
                String reason = body.substring("godwit:confirm".length()).strip();
                confirm = reason.isEmpty() ? "an operator must confirm this migration" : reason;
            }
        }
        return new Directives(noTransaction, confirm);
    }
}

package dev.ocpha.cli.render;

import java.util.ArrayList;
import java.util.List;

/** Plain-text tables: columns as wide as their widest cell, two spaces apart; a missing value shows as "-". */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + headers.size()
                    + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            String text = cell == null ? "" : cell.toString();
            row.add(text.isEmpty() ? "-" : text.replace('\n', ' '));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, each line ending with \n; trailing spaces trimmed. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}

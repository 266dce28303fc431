package io.baton.controller.haadmin;

import java.util.ArrayList;
import java.util.List;

/** A plain text table: columns as wide as their widest cell, two spaces apart, no trailing blanks. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header);
  }

  Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  List<String> lines() {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], cell(r, i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        sb.append(i == columns - 1 ? cell(r, i) : String.format("%-" + (width[i] + 2) + "s", cell(r, i)));
      }
      lines.add(sb.toString().stripTrailing());
    }
    return lines;
  }

  private static String cell(String[] row, int i) {
    return i < row.length && row[i] != null ? row[i] : "-";
  }
}

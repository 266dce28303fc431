package io.baton.fencing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code dfs.ha.fencing.methods} with Hadoop's rules (NodeFencer): one method per line, {@code #}
 * starts a comment that runs to the end of the line, surrounding whitespace and blank lines are ignored,
 * each line is {@code name} or {@code name(arguments)} where the arguments run to the line's last
 * {@code )}. Unlike Hadoop, an underscore is allowed in class names.
 */
final class MethodsParser {
  private static final Pattern WITH_ARGS = Pattern.compile("([A-Za-z0-9._$]+)\\((.*)\\)");
  private static final Pattern WITHOUT_ARGS = Pattern.compile("[A-Za-z0-9._$]+");

  /** A line that could not be parsed: what is wrong, how to fix it. */
  record LineProblem(int line, String message, String fix) {}

  record Result(List<MethodSpec> methods, List<LineProblem> problems) {}

  private MethodsParser() {}

  static Result parse(String text) {
    List<MethodSpec> methods = new ArrayList<>();
    List<LineProblem> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = WITH_ARGS.matcher(line);
      if (m.matches()) {
        String args = m.group(2).strip();
        if (args.isEmpty()) {
          problems.add(new LineProblem(lineNo, "'" + line + "' has empty parentheses",
              "write the arguments inside them, or drop the parentheses"));
        } else {
          methods.add(new MethodSpec(m.group(1), Optional.of(args), lineNo, line));
        }
      } else if (WITHOUT_ARGS.matcher(line).matches()) {
        methods.add(new MethodSpec(line, Optional.empty(), lineNo, line));
      } else {
        problems.add(new LineProblem(lineNo, "cannot parse '" + line + "': expected name or name(arguments)",
            "write one method per line, e.g. sshfence(hdfs:22) or shell(/path/to/fence.sh)"));
      }
    }
    return new Result(List.copyOf(methods), List.copyOf(problems));
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }
}

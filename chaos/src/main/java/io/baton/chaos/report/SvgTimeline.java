package io.baton.chaos.report;

import io.baton.chaos.event.ChaosEvent;
import java.util.List;
import java.util.Locale;

/**
 * A picture of the run: one bar per fault from injection to heal, markers for other events, and green ticks at
 * the client-observed recovery of each step, on a time axis in seconds.
 */
public final class SvgTimeline {
  private static final int WIDTH = 960;
  private static final int LEFT = 190;
  private static final int ROW = 26;

  private SvgTimeline() {}

  public static String render(RunReport r) {
    List<ChaosEvent> events = r.events();
    long end = Math.max(1000, events.stream().mapToLong(ChaosEvent::offsetMs).max().orElse(1000));
    double scale = (WIDTH - LEFT - 20) / (double) end;
    List<StepResult> steps = r.steps();
    int height = 70 + ROW * (steps.size() + 1);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-family=\"monospace\" font-size=\"12\">%n", WIDTH, height));
    s.append(String.format("<text x=\"10\" y=\"18\" font-weight=\"bold\">%s: %s</text>%n", esc(r.runId()),
        esc(r.passed() ? "PASS" : "FAIL")));
    int axisY = height - 25;
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT,
        axisY, WIDTH - 20, axisY));
    for (long t = 0; t <= end; t += tick(end)) {
      double x = LEFT + t * scale;
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ds</text>%n", x, axisY, x, axisY + 5, x, axisY + 18,
          t / 1000));
    }
    int y = 40;
    for (StepResult st : steps) {
      s.append(String.format("<text x=\"10\" y=\"%d\">%s</text>%n", y + 13, esc(st.fault())));
      if (st.skipped().isEmpty()) {
        double x1 = LEFT + st.injectMs() * scale;
        double x2 = LEFT + Math.max(st.healMs(), st.injectMs()) * scale;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\">"
            + "<title>%s</title></rect>%n", x1, y, Math.max(2, x2 - x1), st.error().isPresent() ? "#d9534f"
            : "#f0ad4e", esc(st.injected() + " / " + st.healed())));
        if (st.recoveryMs().isPresent()) {
          long ms = st.recoveryMs().get();
          double x = LEFT + (st.injectMs() + ms) * scale;
          s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
              + "stroke=\"#5cb85c\" stroke-width=\"3\"><title>writes recovered after %d ms</title></line>%n", x,
              y - 3, x, y + 19, ms));
        }
      } else {
        s.append(String.format("<text x=\"%d\" y=\"%d\" fill=\"#777\">skipped</text>%n", LEFT, y + 13));
      }
      y += ROW;
    }
    s.append(String.format("<text x=\"10\" y=\"%d\">events</text>%n", y + 13));
    for (ChaosEvent e : events) {
      if (e.kind().equals("inject") || e.kind().equals("heal")) {
        continue;
      }
      double x = LEFT + e.offsetMs() * scale;
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"%s\"><title>+%d ms %s %s: "
          + "%s</title></circle>%n", x, y + 8, e.kind().equals("error") ? "#d9534f" : "#337ab7", e.offsetMs(),
          esc(e.kind()), esc(e.subject()), esc(e.detail())));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static long tick(long end) {
    long[] ticks = {1000, 2000, 5000, 10_000, 30_000, 60_000, 300_000, 600_000};
    for (long t : ticks) {
      if (end / t <= 12) {
        return t;
      }
    }
    return 3_600_000;
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

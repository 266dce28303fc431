package io.baton.chaos.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.baton.chaos.report.RunReport;
import io.baton.chaos.report.SummaryRenderer;
import io.baton.chaos.report.SvgTimeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's report.json, summary.txt and timeline.svg into its folder. */
public final class ReportFiles {
  public static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFiles() {}

  public static void write(RunReport report, Path dir) throws IOException {
    JSON.writeValue(dir.resolve("report.json").toFile(), report);
    Files.writeString(dir.resolve("summary.txt"), SummaryRenderer.render(report));
    Files.writeString(dir.resolve("timeline.svg"), SvgTimeline.render(report));
  }
}

package io.baton.controller.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every {@code src/test/resources/core/*.txt} on a fresh core and compares the output with the file.
 * {@code -Dbaton.rewrite=true} writes what the core produces now back into the files (review the diff).
 */
class CoreTranscriptTest {
  private static final Path DIR = Path.of("src", "test", "resources", "core");
  private static final boolean REWRITE = Boolean.getBoolean("baton.rewrite");

  @TestFactory
  Stream<DynamicTest> everyTranscript() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(files).as("transcripts in " + DIR).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path file) throws IOException {
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    String actual = replay(expected);
    if (REWRITE && !actual.equals(expected)) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual).as(file + " (rerun with -Dbaton.rewrite=true to accept)").isEqualTo(expected);
  }

  static String replay(String transcript) {
    TranscriptDriver driver = new TranscriptDriver();
    return Transcript.parse(transcript).replay(driver::run);
  }

  /** Negative control: a transcript whose recorded output is wrong does not match. */
  @Test
  void aWrongRecordedOutputIsCaught() {
    String wrong = "zk connected\nhealth healthy standby\n> Fence attempt=1, namenodeId=nn2\n";
    String actual = replay(wrong);
    assertThat(actual).isNotEqualTo(wrong);
    assertThat(actual).contains("> JoinElection\n");
  }
}

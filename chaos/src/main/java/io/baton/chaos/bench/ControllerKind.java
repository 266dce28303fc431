package io.baton.chaos.bench;

import java.util.Arrays;
import java.util.Locale;

/** The two controllers compared: Baton's and Hadoop's own ZKFC (the baseline, {@link HadoopZkfcMain}). */
public enum ControllerKind {
  BATON("baton", "Baton"),
  ZKFC("zkfc", "Hadoop ZKFC");

  private final String cliName;
  private final String label;

  ControllerKind(String cliName, String label) {
    this.cliName = cliName;
    this.label = label;
  }

  public String cliName() {
    return cliName;
  }

  public String label() {
    return label;
  }

  public static ControllerKind parse(String name) {
    return Arrays.stream(values()).filter(k -> k.cliName.equals(name.trim().toLowerCase(Locale.ROOT))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown controller '" + name + "'; use baton or zkfc"));
  }
}

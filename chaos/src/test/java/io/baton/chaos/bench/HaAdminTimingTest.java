package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HaAdminTimingTest {

  @Test
  void findsAMainClassOnlyOnTheClasspathItIsGiven() {
    String ours = System.getProperty("java.class.path");
    assertThat(HaAdminTiming.available(ours, HadoopHaAdminMain.class.getName())).isTrue();
    assertThat(HaAdminTiming.available(ours, "org.apache.hadoop.ha.HAAdmin")).isTrue(); // inside a jar
    assertThat(HaAdminTiming.available(ours, "io.baton.NoSuchMain")).isFalse();
    assertThat(HaAdminTiming.available("/nonexistent/x.jar", HadoopHaAdminMain.class.getName())).isFalse();
  }
}

package io.baton.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPartsTest {
  @Test
  void aPartIsLeftOutOnlyWhenNamed() {
    assertThat(TestParts.leftOut("netns", "netns")).isTrue();
    assertThat(TestParts.leftOut("netns", " chromium,netns ")).isTrue();
    assertThat(TestParts.leftOut("netns", "")).isFalse();
    assertThat(TestParts.leftOut("netns", null)).isFalse();
    assertThat(TestParts.leftOut("netns", "netnsx")).isFalse();
  }
}

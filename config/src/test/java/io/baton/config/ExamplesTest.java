package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void exampleConfLoads() throws Exception {
    DeploymentConfig c = ConfigLoader.load(EXAMPLES.resolve("conf"), LoadOptions.forNameNode("ns1", "nn2"));
    assertThat(c.nameserviceIds()).containsExactly("ns1");
  }
}

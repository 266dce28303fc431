package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.ConfigException;
import io.baton.config.ConfigProblem;
import io.baton.config.ConfigValidator;
import io.baton.config.HostPort;
import io.baton.config.SharedEditsConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** dfs.ha.fencing.methods parsed with Hadoop's rules; every bad case is a config problem with an exact message. */
class FencingConfigTest {
  private static final String FIX_ARGS = "Fix: write the arguments inside them, or drop the parentheses";

  private static List<String> problems(String methods) {
    return problems(TestDeployment.with(methods));
  }

  private static List<String> problems(TestDeployment t) {
    return new FencingConfigValidator().validate(t.deployment()).stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void commentsWhitespaceAndBlankLinesAreIgnored() throws Exception {
    FencingChain chain = TestDeployment.with("""
          # first try to kill it
          sshfence(root:2222)   # trailing comment

        \tshell( /usr/bin/fence.sh --now )\t
        journal
        io.baton.fencing.FakeMethods$Answer(yes)
        """).withJournal().chain();
    assertThat(chain.methodNames())
        .containsExactly("sshfence", "shell", "journal", "io.baton.fencing.FakeMethods$Answer");
  }

  @Test
  void methodsWithoutArgumentsAndWindowsLineEndingsParse() throws Exception {
    assertThat(TestDeployment.with("sshfence\r\nio.baton.fencing.FakeMethods$Broken\r\n").chain().methodNames())
        .containsExactly("sshfence", "io.baton.fencing.FakeMethods$Broken");
  }

  @Test
  void argumentsRunToTheLastParenthesis() {
    MethodsParser.Result r = MethodsParser.parse("shell(echo (a) b)");
    assertThat(r.methods()).singleElement()
        .satisfies(m -> assertThat(m.args()).contains("echo (a) b"));
  }

  @Test
  void emptyParenthesesAreAnError() {
    assertThat(problems("shell()")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: 'shell()' has empty parentheses. " + FIX_ARGS);
  }

  @Test
  void unparseableLinesNameTheLine() {
    assertThat(problems("sshfence\n\nssh fence\nshell(x")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 3: cannot parse 'ssh fence': expected name or"
            + " name(arguments). Fix: write one method per line, e.g. sshfence(hdfs:22) or shell(/path/to/fence.sh)",
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 4: cannot parse 'shell(x': expected name or"
            + " name(arguments). Fix: write one method per line, e.g. sshfence(hdfs:22) or shell(/path/to/fence.sh)");
  }

  @Test
  void unknownMethod() {
    assertThat(problems("sshfnce")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: unknown fence method 'sshfnce'. Fix: use sshfence,"
            + " shell(<command>), journal, or the fully qualified name of a class implementing"
            + " io.baton.fencing.FenceMethod or org.apache.hadoop.ha.FenceMethod");
  }

  @Test
  void unknownClass() {
    assertThat(problems("com.example.NoSuchFencer(x)")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: class 'com.example.NoSuchFencer' not found."
            + " Fix: check the name, and put the jar holding it on Baton's classpath");
  }

  @Test
  void classWithTheWrongInterface() {
    assertThat(problems("java.lang.String")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: class 'java.lang.String' implements neither"
            + " io.baton.fencing.FenceMethod nor org.apache.hadoop.ha.FenceMethod."
            + " Fix: name a class that implements one of them");
  }

  @Test
  void classWithoutNoArgumentConstructor() {
    assertThat(problems("io.baton.fencing.FakeMethods$NoDefaultConstructor")).singleElement().asString()
        .startsWith("dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: class"
            + " 'io.baton.fencing.FakeMethods$NoDefaultConstructor' cannot be created: java.lang.NoSuchMethodException")
        .endsWith("Fix: give it a public no-argument constructor that does not fail");
  }

  @Test
  void customClassChecksItsArgumentsAtLoad() {
    assertThat(problems("io.baton.fencing.FakeMethods$Answer(bad)")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: io.baton.fencing.FakeMethods$Answer rejected its"
            + " arguments 'bad': write yes or no. Fix: fix the arguments as the class's documentation says");
  }

  @Test
  void shellNeedsACommand() {
    assertThat(problems("shell")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: shell needs a command."
            + " Fix: write shell(<command>), e.g. shell(/usr/local/bin/fence-nn.sh)");
  }

  @Test
  void sshfenceArguments() {
    String forms = "; write sshfence, sshfence(user), sshfence(user:port) or sshfence(:port)";
    assertThat(problems("sshfence(root:ssh)\nsshfence(:70000)\nsshfence(a b)")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: sshfence port 'ssh' is not a number" + forms,
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 2: sshfence port 70000 is outside 1-65535" + forms,
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 3: sshfence user 'a b' contains whitespace" + forms);
    assertThat(SshFenceArgs.parse(Optional.of("hdfs:2222"), "me")).isEqualTo(new SshFenceArgs("hdfs", 2222));
    assertThat(SshFenceArgs.parse(Optional.of(":2222"), "me")).isEqualTo(new SshFenceArgs("me", 2222));
    assertThat(SshFenceArgs.parse(Optional.of("hdfs"), "me")).isEqualTo(new SshFenceArgs("hdfs", 22));
    assertThat(SshFenceArgs.parse(Optional.empty(), "me")).isEqualTo(new SshFenceArgs("me", 22));
  }

  @Test
  void sshfenceNeedsAKey() {
    TestDeployment t = TestDeployment.with("sshfence");
    t.keys = List.of();
    assertThat(problems(t)).containsExactly(
        "dfs.ha.fencing.ssh.private-key-files: fencing of ns1.nn1, line 1: sshfence needs a private key."
            + " Fix: list the private key files, comma-separated, in dfs.ha.fencing.ssh.private-key-files");
  }

  @Test
  void journalNeedsSharedEditsAndNoArguments() {
    assertThat(problems("journal")).containsExactly(
        "dfs.namenode.shared.edits.dir: fencing of ns1.nn1, line 1: journal fencing needs the journal nodes of"
            + " nameservice ns1. Fix: set dfs.namenode.shared.edits.dir.ns1 to"
            + " qjournal://host1:8485;host2:8485;host3:8485/<journalId>; with file:// (shared storage) edits"
            + " nothing guards the storage and journal cannot fence it: use sshfence or shell(<STONITH script>)");
    assertThat(problems(TestDeployment.with("journal(all)").withJournal())).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: journal takes no arguments, got 'all'."
            + " Fix: write journal; it fences at the journal nodes of dfs.namenode.shared.edits.dir");
  }

  @Test
  void powershellIsNotSupported() {
    assertThat(problems("powershell(java.exe)")).containsExactly(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: powershell fences Windows hosts and is not supported"
            + " by Baton. Fix: use sshfence or shell(<command>)");
  }

  @Test
  void everyProblemIsReportedAndCreateThrowsThemAll() {
    TestDeployment t = TestDeployment.with("bogus\nshell()\nsshfence(:0)");
    assertThat(problems(t)).hasSize(3);
    assertThatThrownBy(t::chain).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("3 configuration problems\n  - dfs.ha.fencing.methods: fencing of ns1.nn1, line 1:");
  }

  @Test
  void noMethodIsAnErrorForTheChainButLeftToTheLoaderByTheValidator() {
    TestDeployment t = TestDeployment.with("  # nothing yet\n");
    assertThat(problems(t)).isEmpty();
    assertThatThrownBy(t::chain).isInstanceOf(ConfigException.class).hasMessage(
        "1 configuration problem\n  - dfs.ha.fencing.methods: no fencing method configured for ns1.nn1."
            + " Fix: set dfs.ha.fencing.methods, one method per line, e.g. sshfence then journal");
  }

  @Test
  void nameNodesSharingOneConfigurationAreReportedOnce() {
    TestDeployment t = TestDeployment.with("sshfnce");
    t.nn2Methods = null;
    assertThat(problems(t)).singleElement().asString()
        .startsWith("dfs.ha.fencing.methods: fencing of ns1.nn1, ns1.nn2, line 1: unknown fence method 'sshfnce'.");
  }

  @Test
  void theChainNeedsPositiveTimeouts() {
    TestDeployment t = TestDeployment.with("shell(true)").timeouts(Duration.ZERO, Duration.ofSeconds(1));
    assertThatThrownBy(t::chain).isInstanceOf(ConfigException.class).hasMessage("1 configuration problem\n"
        + "  - fencing.method-timeout: fencing of ns1.nn1 needs a positive method timeout and deadline, got 0 ms and"
        + " 1000 ms. Fix: set fencing.method-timeout and fencing.deadline in baton.yaml, e.g. 45s and 60s");
  }

  @Test
  void validatorIsRegisteredForServiceLoader() {
    assertThat(ServiceLoader.load(ConfigValidator.class).stream().map(p -> p.type().getName()))
        .contains(FencingConfigValidator.class.getName());
  }

  @Test
  void hadoopFenceMethodClassIsAccepted() throws Exception {
    assertThat(TestDeployment.with("org.apache.hadoop.ha.ShellCommandFencer(true)").chain().methodNames())
        .containsExactly("org.apache.hadoop.ha.ShellCommandFencer");
    assertThat(problems("org.apache.hadoop.ha.ShellCommandFencer")).singleElement().asString().startsWith(
        "dfs.ha.fencing.methods: fencing of ns1.nn1, line 1: org.apache.hadoop.ha.ShellCommandFencer rejected its"
            + " arguments '': ");
  }

  static SharedEditsConfig journal(List<HostPort> nodes) {
    return new SharedEditsConfig(nodes, "ns1");
  }
}

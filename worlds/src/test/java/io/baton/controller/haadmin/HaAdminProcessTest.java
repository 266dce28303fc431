package io.baton.controller.haadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.mock.LocalCluster;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.config.LoopbackPorts;
import io.baton.worlds.process.ProcessKit;
import io.baton.worlds.TimingProfile;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: {@code bin/haadmin} (the launcher script, as operators run it) against mock NameNodes
 * running as separate JVMs. The launcher runs from a copy of the build layout it expects (a module jar and
 * target/classpath.txt) made from this test's own classpath, so it works before {@code package}.
 */
class HaAdminProcessTest {
  @TempDir
  static Path work;

  private static Path batonHome;
  private static LocalCluster cluster;

  /** One run of bin/haadmin. */
  record Run(int code, String out, String err, Duration took) {}

  @BeforeAll
  static void startCluster() throws IOException {
    batonHome = launcherHome(work.resolve("home"));
    LocalClusterSpec spec = LocalClusterSpec.allocate(work.resolve("cluster"), 2, "127.0.0.1:" + LoopbackPorts.free(),
        TimingProfile.FAST).withFencingMethods("shell(true)");
    cluster = new LocalCluster(spec, new ProcessKit(work.resolve("processes")));
    cluster.startJournal();
    awaitListening(spec.journalPort());
    cluster.startNameNode("nn1");
    cluster.startNameNode("nn2");
    awaitListening(spec.namenode("nn1").rpcPort());
    awaitListening(spec.namenode("nn2").rpcPort());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static void awaitListening(int port) {
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException e) {
        return false;
      }
    });
  }

  /** bin/ (copied from the repository) and failover-controller/target/ with a jar and classpath.txt. */
  private static Path launcherHome(Path home) throws IOException {
    copyLauncher(home);
    Path target = Files.createDirectories(home.resolve("failover-controller").resolve("target"));
    try (OutputStream jar = Files.newOutputStream(target.resolve("baton-failover-controller-test.jar"));
        ZipOutputStream zip = new ZipOutputStream(jar)) {
      zip.setComment("empty: the classes are on classpath.txt");
    }
    String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
    Files.writeString(target.resolve("classpath.txt"), classpath);
    return home;
  }

  private static void copyLauncher(Path home) throws IOException {
    Path repoBin = Path.of("..", "bin").toAbsolutePath().normalize();
    Path bin = Files.createDirectories(home.resolve("bin"));
    for (String script : List.of("baton", "haadmin")) {
      Path copy = bin.resolve(script);
      Files.copy(repoBin.resolve(script), copy, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /**
   * A launcher home as after {@code mvn package}: the module's classes in its jar and only jars on
   * classpath.txt (the JDK archives classes from jars only), each folder of our classpath packed into one.
   */
  private static Path jarOnlyHome(Path home) throws IOException {
    copyLauncher(home);
    Path target = Files.createDirectories(home.resolve("failover-controller").resolve("target"));
    Path lib = Files.createDirectories(home.resolve("lib"));
    Path ownClasses = Path.of("target", "classes").toAbsolutePath().normalize();
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (p.endsWith("test-classes")) {
        continue;
      }
      if (p.equals(ownClasses)) {
        jar(p, target.resolve("baton-failover-controller-test.jar"));
      } else if (Files.isDirectory(p)) {
        Path packed = lib.resolve("classes-" + n++ + ".jar");
        jar(p, packed);
        entries.add(packed.toString());
      } else {
        entries.add(entry);
      }
    }
    Files.writeString(target.resolve("classpath.txt"), String.join(File.pathSeparator, entries));
    return home;
  }

  private static void jar(Path classes, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        zip.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
  }

  private static Run haadmin(String... args) throws Exception {
    return haadmin(batonHome, Map.of(), args);
  }

  private static Run haadmin(Path home, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin").resolve("haadmin").toString(), "--conf",
        cluster.spec().confDir().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("BATON_LOG_LEVEL", "WARN");
    pb.environment().remove("BATON_JAVA_OPTS");
    pb.environment().remove("BATON_CDS");
    pb.environment().remove("BATON_CDS_DIR");
    pb.environment().putAll(env);
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("bin/haadmin " + String.join(" ", args) + " did not finish within 60 s");
      }
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
  }

  private static String address(String nnId) {
    return "127.0.0.1:" + cluster.spec().namenode(nnId).rpcPort();
  }

  @Test
  void theHadoopCommandsThroughTheLauncher() throws Exception {
    Run state = haadmin("-getServiceState", "nn1");
    assertThat(state.err()).isEmpty();
    assertThat(state.code()).isZero();
    assertThat(state.out()).isEqualTo("standby\n");

    Run refused = haadmin("-transitionToActive", "nn1");
    assertThat(refused.code()).isEqualTo(12);
    assertThat(refused.err()).startsWith("Automatic failover is enabled for NameNode nn1 (ns1) at " + address("nn1"));

    Run activated = haadmin("-transitionToActive", "--forcemanual", "--yes", "nn1");
    assertThat(activated.err()).isEqualTo("Warning: proceeding with manual HA state management of nn1 although "
        + "automatic failover is enabled\n");
    assertThat(activated.code()).isZero();

    Run all = haadmin("-getAllServiceState");
    assertThat(all.code()).isZero();
    assertThat(all.out()).isEqualTo(String.format("%-50s %-10s%n%-50s %-10s%n", address("nn1"), "active",
        address("nn2"), "standby"));

    Run health = haadmin("-checkHealth", "nn2");
    assertThat(health).extracting(Run::code, Run::out, Run::err).containsExactly(0, "", "");

    Run json = haadmin("--json", "-getServiceState", "nn1");
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("\"state\" : \"active\"", "\"namenode\" : \"nn1\"");

    Run status = haadmin("-status");
    assertThat(status.code()).isZero();
    assertThat(status.out()).startsWith("NAMESERVICE  NAMENODE  ADDRESS").containsPattern("nn1 +127\\.0\\.0\\.1:\\d+"
        + " +active +healthy");
  }

  @Test
  void errorsThroughTheLauncher() throws Exception {
    Run unknown = haadmin("-getServiceState", "nn3");
    assertThat(unknown).extracting(Run::code, Run::out, Run::err)
        .containsExactly(4, "", "Unknown NameNode id 'nn3' in nameservice ns1; valid ids: nn1, nn2\n");

    Run usage = haadmin("-failover", "nn1");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err()).isEqualTo("failover: incorrect arguments\nUsage: haadmin [-ns <nameserviceId>] "
        + "[-failover [--forcefence] [--forceactive] <serviceId> <serviceId>]\n");

    Run noController = haadmin("-failover", "nn2", "nn1");
    assertThat(noController.code()).isEqualTo(5);
    assertThat(noController.err()).endsWith("Cannot connect to the controller of nn1 (ns1) at 127.0.0.1:"
        + cluster.spec().namenode("nn1").controllerPort() + ": connection refused (timeout 12s)\n");
    assertThat(noController.err()).doesNotContain("\tat ");
  }

  @Test
  void aKilledNameNodeIsReportedUnreachable() throws Exception {
    ChildProcess nn2 = cluster.namenodeProcess("nn2").orElseThrow();
    nn2.killHard(Duration.ofSeconds(10));
    Run r = haadmin("-getServiceState", "nn2");
    assertThat(r).extracting(Run::code, Run::out, Run::err).containsExactly(5, "", "Cannot connect to NameNode nn2 "
        + "(ns1) at " + address("nn2") + ": connection refused (timeout 5s)\n");
    cluster.startNameNode("nn2");
    awaitListening(cluster.spec().namenode("nn2").rpcPort());
  }

  /**
   * The launcher's class-data-sharing archive: two concurrent first runs make it (under temporary names), the
   * next run maps HaAdminMain from it; a corrupt archive and one older than a jar (a rebuild) are not used but
   * made again. The command's output never changes.
   */
  @Test
  void theLauncherMakesAndUsesAClassDataSharingArchive() throws Exception {
    Path home = jarOnlyHome(work.resolve("cds-home"));
    Path cds = home.resolve("failover-controller").resolve("target").resolve("cds");
    Run plain = haadmin(home, Map.of("BATON_CDS", "off"), "-getServiceState", "nn1");
    assertThat(plain.code()).isZero();
    assertThat(plain.out()).matches("(active|standby)\n");
    assertThat(cds).doesNotExist();

    CompletableFuture<Run> other = CompletableFuture.supplyAsync(() -> {
      try {
        return haadmin(home, Map.of(), "-getServiceState", "nn1");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Run first = haadmin(home, Map.of(), "-getServiceState", "nn1");
    Run concurrent = other.get(70, TimeUnit.SECONDS);
    for (Run r : List.of(first, concurrent)) {
      assertThat(r).extracting(Run::code, Run::out, Run::err).containsExactly(0, plain.out(), "");
    }

    assertThat(classSource(home, "used")).contains("source: shared objects file (top)");
    assertThat(archives(cds, ".tmp")).isEmpty(); // both first runs' archives adopted
    Path archive = archives(cds, "haadmin-rpc.jsa").get(0);

    // negative control: without the archive HaAdminMain comes from the module's jar
    assertThat(classSource(home, "off", "BATON_CDS", "off")).contains("source: file:").doesNotContain("shared");

    Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--")); // the JVM makes it r--
    Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}); // corrupt
    assertThat(classSource(home, "corrupt")).contains("source: file:");
    assertThat(archives(cds, ".tmp")).hasSize(1);
    assertThat(classSource(home, "regenerated")).contains("source: shared objects file (top)");

    Path jar = home.resolve("failover-controller").resolve("target").resolve("baton-failover-controller-test.jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5))); // a rebuild
    assertThat(classSource(home, "stale")).contains("source: file:");
    assertThat(archives(cds, ".tmp")).hasSize(1);
  }

  /** Runs -getServiceState nn1 logging class loading; the line of HaAdminMain, after checking the output. */
  private static String classSource(Path home, String name, String... env) throws Exception {
    Path log = work.resolve("class-load-" + name + ".txt");
    Map<String, String> vars = new HashMap<>(Map.of("BATON_JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
    for (int i = 0; i + 1 < env.length; i += 2) {
      vars.put(env[i], env[i + 1]);
    }
    Run r = haadmin(home, vars, "-getServiceState", "nn1");
    assertThat(r).extracting(Run::code, Run::err).containsExactly(0, "");
    assertThat(r.out()).matches("(active|standby)\n");
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(" io.baton.controller.haadmin.HaAdminMain ")).findFirst()
          .orElseThrow(() -> new AssertionError("HaAdminMain not in " + log));
    }
  }

  /** The files of the archive folder (one per JDK) whose names end with {@code suffix}. */
  private static List<Path> archives(Path cds, String suffix) throws IOException {
    if (!Files.isDirectory(cds)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(cds)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
    }
  }
}

package io.baton.worlds.hadoop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath of the real Hadoop daemons: the jars listed by the hadoop-daemons module's
 * target/classpath.txt, behind a conf folder and a webapps folder. The main hadoop-hdfs jar has no webapps/,
 * and the NameNode's and JournalNode's HTTP servers do not start without one; an empty descriptor is enough.
 */
public final class HadoopDaemons {
  public static final String NAMENODE = "org.apache.hadoop.hdfs.server.namenode.NameNode";
  public static final String JOURNALNODE = "org.apache.hadoop.hdfs.qjournal.server.JournalNode";
  public static final String ZKFC = "org.apache.hadoop.hdfs.tools.DFSZKFailoverController";
  public static final String HAADMIN = "org.apache.hadoop.hdfs.tools.DFSHAAdmin";
  public static final String FS_SHELL = "org.apache.hadoop.fs.FsShell";
  /** System property naming the classpath file (the failsafe plugin sets it); else under baton.home. */
  public static final String CLASSPATH_PROPERTY = "baton.hadoop.classpath";

  private static final String EMPTY_WEB_APP =
      "<web-app xmlns=\"http://java.sun.com/xml/ns/javaee\" version=\"3.0\"></web-app>\n";

  private final String jars;
  private final Path webappsRoot;

  private HadoopDaemons(String jars, Path webappsRoot) {
    this.jars = jars;
    this.webappsRoot = webappsRoot;
  }

  /** Reads the jar list and writes the webapps folder under {@code workDir}. */
  public static HadoopDaemons locate(Path workDir) throws IOException {
    Path file = classpathFile();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("the real Hadoop daemons' classpath " + file + " does not exist: build it with"
          + " 'mvn -q -DskipTests -pl hadoop-daemons package' (it resolves org.apache.hadoop:hadoop-hdfs:3.5.0)");
    }
    String jars = Files.readString(file).trim();
    if (!jars.contains("hadoop-hdfs-3.5.0")) {
      throw new IllegalStateException(file + " does not list hadoop-hdfs-3.5.0.jar; rebuild hadoop-daemons");
    }
    Path root = Files.createDirectories(workDir.resolve("hadoop-webapps"));
    for (String app : new String[] {"hdfs", "journal", "datanode", "secondary"}) {
      Path webInf = Files.createDirectories(root.resolve("webapps").resolve(app).resolve("WEB-INF"));
      Files.writeString(webInf.resolve("web.xml"), EMPTY_WEB_APP);
    }
    Files.createDirectories(root.resolve("webapps").resolve("static"));
    return new HadoopDaemons(jars, root);
  }

  static Path classpathFile() {
    String explicit = System.getProperty(CLASSPATH_PROPERTY);
    if (explicit != null) {
      return Path.of(explicit);
    }
    return Path.of(System.getProperty("baton.home", "."), "hadoop-daemons", "target", "classpath.txt");
  }

  /** A daemon's classpath: its conf folder first (Hadoop reads *-site.xml from the classpath), then webapps. */
  public String classpath(Path confDir) {
    return confDir.toAbsolutePath() + File.pathSeparator + webappsRoot.toAbsolutePath() + File.pathSeparator + jars;
  }
}

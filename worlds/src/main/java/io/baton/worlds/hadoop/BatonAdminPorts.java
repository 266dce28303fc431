package io.baton.worlds.hadoop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where the hadoop world gives Baton something Hadoop's conf folder lacks: each NameNode's admin
 * API port. Today Baton's admin port comes only from baton.yaml, and two NameNodes on one host would collide on
 * the default. So a Baton controller runs on a copy of its NameNode's Hadoop folder plus a baton.yaml, outside
 * the Hadoop folder (which stays Hadoop's own). Once the admin port is derived from dfs.ha.zkfc.port (drop-in
 * work), delete this class and run Baton on the Hadoop folder itself.
 */
final class BatonAdminPorts {
  private BatonAdminPorts() {}

  /** The folder Baton's controller for {@code nnId} runs on. */
  static Path confFor(HadoopWorldSpec spec, HadoopPorts ports, String nnId) throws IOException {
    Path hadoopConf = HadoopConfWriter.confDir(spec.workDir(), nnId);
    Path dir = Files.createDirectories(spec.workDir().resolve("baton-conf").resolve(nnId));
    for (String file : new String[] {"core-site.xml", "hdfs-site.xml"}) {
      Files.copy(hadoopConf.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Map<String, Object> namenodes = new LinkedHashMap<>();
    for (String id : spec.namenodeIds()) {
      namenodes.put(id, Map.of("admin-port", ports.namenode(id).admin()));
    }
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("nameservices", Map.of(HadoopWorldSpec.NAMESERVICE, Map.of("namenodes", namenodes)));
    yaml.put("controller", Map.of("admin-bind-address", HadoopConfWriter.HOST));
    new ObjectMapper(new YAMLFactory()).writeValue(dir.resolve("baton.yaml").toFile(), yaml);
    return dir;
  }
}

package io.baton.fencing;

import io.baton.config.DeploymentConfig;
import io.baton.config.LocalNameNode;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.config.SharedEditsConfig;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.ha.BadFencingConfigurationException;
import org.apache.hadoop.util.ReflectionUtils;

/** Turns a parsed line into a ready {@link FenceMethod}, checking its arguments. */
final class MethodFactory {
  static final String METHODS_KEY = "dfs.ha.fencing.methods";
  static final String KEYS_KEY = "dfs.ha.fencing.ssh.private-key-files";
  static final String SHARED_EDITS_KEY = "dfs.namenode.shared.edits.dir";
  static final String KNOWN_METHODS = "use sshfence, shell(<command>), journal, or the fully qualified name of a"
      + " class implementing io.baton.fencing.FenceMethod or org.apache.hadoop.ha.FenceMethod";

  private final DeploymentConfig deployment;
  private final NameNodeConfig target;

  MethodFactory(DeploymentConfig deployment, NameNodeConfig target) {
    this.deployment = deployment;
    this.target = target;
  }

  FenceMethod create(MethodSpec spec) throws BadMethodException {
    return switch (spec.name()) {
      case "sshfence" -> sshFence(spec);
      case "shell" -> shell(spec);
      case "journal" -> journal(spec);
      case "powershell" -> throw new BadMethodException(METHODS_KEY,
          "powershell fences Windows hosts and is not supported by Baton", "use sshfence or shell(<command>)");
      default -> spec.name().contains(".") ? byClass(spec) : unknown(spec);
    };
  }

  private FenceMethod sshFence(MethodSpec spec) throws BadMethodException {
    SshFenceArgs args;
    try {
      args = SshFenceArgs.parse(spec.args(), System.getProperty("user.name"));
    } catch (IllegalArgumentException e) {
      throw new BadMethodException(METHODS_KEY, e.getMessage(), "");
    }
    if (target.fencing().sshPrivateKeyFiles().isEmpty()) {
      throw new BadMethodException(KEYS_KEY, "sshfence needs a private key",
          "list the private key files, comma-separated, in " + KEYS_KEY);
    }
    Path knownHosts = target.fencing().sshKnownHostsFile().orElse(SshFenceMethod.defaultKnownHosts());
    return new SshFenceMethod(args, target.fencing().sshPrivateKeyFiles(), target.fencing().sshConnectTimeout(),
        knownHosts);
  }

  private FenceMethod shell(MethodSpec spec) throws BadMethodException {
    String command = spec.args().orElseThrow(() -> new BadMethodException(METHODS_KEY,
        "shell needs a command", "write shell(<command>), e.g. shell(/usr/local/bin/fence-nn.sh)"));
    return new ShellFenceMethod(command);
  }

  private FenceMethod journal(MethodSpec spec) throws BadMethodException {
    if (spec.args().isPresent()) {
      throw new BadMethodException(METHODS_KEY, "journal takes no arguments, got '" + spec.args().get() + "'",
          "write journal; it fences at the journal nodes of " + SHARED_EDITS_KEY);
    }
    Optional<SharedEditsConfig> edits = deployment.nameservice(target.nameserviceId())
        .flatMap(NameserviceConfig::quorumJournal);
    if (edits.isEmpty() || edits.get().journalNodes().isEmpty()) {
      throw new BadMethodException(SHARED_EDITS_KEY,
          "journal fencing needs the journal nodes of nameservice " + target.nameserviceId(),
          "set " + SHARED_EDITS_KEY + "." + target.nameserviceId()
              + " to qjournal://host1:8485;host2:8485;host3:8485/<journalId>; with file:// (shared storage) edits"
              + " nothing guards the storage and journal cannot fence it: use sshfence or shell(<STONITH script>)");
    }
    NameserviceConfig ns = deployment.nameservice(target.nameserviceId()).orElseThrow();
    HadoopIpc ipc = new HadoopIpc(deployment.toHadoopConfiguration());
    Optional<String> localId = deployment.local().filter(l -> l.nameserviceId().equals(ns.id()))
        .map(LocalNameNode::namenodeId);
    return new JournalFenceMethod(edits.get(), ns.id(), new NamespaceSource(ns.namenodes(), localId, ipc), ipc);
  }

  private FenceMethod unknown(MethodSpec spec) throws BadMethodException {
    throw new BadMethodException(METHODS_KEY, "unknown fence method '" + spec.name() + "'", KNOWN_METHODS);
  }

  private FenceMethod byClass(MethodSpec spec) throws BadMethodException {
    Class<?> cls;
    try {
      cls = Class.forName(spec.name(), true, classLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new BadMethodException(METHODS_KEY, "class '" + spec.name() + "' not found",
          "check the name, and put the jar holding it on Baton's classpath");
    }
    if (FenceMethod.class.isAssignableFrom(cls)) {
      return ourMethod(spec, cls.asSubclass(FenceMethod.class));
    }
    if (org.apache.hadoop.ha.FenceMethod.class.isAssignableFrom(cls)) {
      return hadoopMethod(spec, cls.asSubclass(org.apache.hadoop.ha.FenceMethod.class));
    }
    throw new BadMethodException(METHODS_KEY, "class '" + spec.name() + "' implements neither "
        + FenceMethod.class.getName() + " nor " + org.apache.hadoop.ha.FenceMethod.class.getName(),
        "name a class that implements one of them");
  }

  private FenceMethod ourMethod(MethodSpec spec, Class<? extends FenceMethod> cls) throws BadMethodException {
    FenceMethod method;
    try {
      method = cls.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw cannotCreate(spec, e);
    }
    try {
      method.checkArgs(spec.args());
    } catch (RuntimeException e) {
      throw rejected(spec, e.getMessage());
    }
    return method;
  }

  private FenceMethod hadoopMethod(MethodSpec spec, Class<? extends org.apache.hadoop.ha.FenceMethod> cls)
      throws BadMethodException {
    org.apache.hadoop.ha.FenceMethod method;
    try {
      cls.getDeclaredConstructor(); // ReflectionUtils would wrap a missing one in a RuntimeException
      method = ReflectionUtils.newInstance(cls, deployment.toHadoopConfiguration());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw cannotCreate(spec, e);
    }
    try {
      method.checkArgs(spec.args().orElse(null));
    } catch (BadFencingConfigurationException | RuntimeException e) {
      throw rejected(spec, e.getMessage());
    }
    return new HadoopFenceMethodAdapter(method);
  }

  private static BadMethodException cannotCreate(MethodSpec spec, Exception e) {
    Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
    return new BadMethodException(METHODS_KEY, "class '" + spec.name() + "' cannot be created: " + cause,
        "give it a public no-argument constructor that does not fail");
  }

  private static BadMethodException rejected(MethodSpec spec, String why) {
    return new BadMethodException(METHODS_KEY, spec.name() + " rejected its arguments '"
        + spec.args().orElse("") + "': " + why, "fix the arguments as the class's documentation says");
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : MethodFactory.class.getClassLoader();
  }
}

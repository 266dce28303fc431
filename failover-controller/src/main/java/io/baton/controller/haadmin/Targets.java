package io.baton.controller.haadmin;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.util.List;
import java.util.Optional;

/** Resolves the nameservice and NameNode ids of the command line; an unknown id lists the valid ones. */
final class Targets {
  private final DeploymentConfig deployment;
  private final Optional<String> nameserviceOption;

  Targets(DeploymentConfig deployment, Optional<String> nameserviceOption) {
    this.deployment = deployment;
    this.nameserviceOption = nameserviceOption;
  }

  /**
   * The nameservice of {@code -ns}; without it the only one configured, or this host's (as Hadoop resolves
   * it); otherwise a usage error listing the choices.
   */
  NameserviceConfig nameservice() throws HaAdminException {
    if (nameserviceOption.isPresent()) {
      return named(nameserviceOption.get());
    }
    List<NameserviceConfig> all = deployment.nameservices();
    if (all.size() == 1) {
      return all.get(0);
    }
    if (deployment.local().isPresent()) {
      return named(deployment.local().get().nameserviceId());
    }
    throw HaAdminException.usage(null, "Several nameservices are configured (" + String.join(", ",
        deployment.nameserviceIds()) + "); choose one with -ns <nameserviceId>");
  }

  /** The nameservices a command about "all" covers: the one of {@code -ns}, or every one. */
  List<NameserviceConfig> selected() throws HaAdminException {
    return nameserviceOption.isPresent() ? List.of(named(nameserviceOption.get())) : deployment.nameservices();
  }

  NameserviceConfig named(String nsId) throws HaAdminException {
    return deployment.nameservice(nsId).orElseThrow(() -> new HaAdminException(ExitCode.UNKNOWN_ID,
        "Unknown nameservice '" + nsId + "'; configured nameservices: "
            + String.join(", ", deployment.nameserviceIds())));
  }

  NameNodeConfig namenode(String nnId) throws HaAdminException {
    NameserviceConfig ns = nameservice();
    return ns.namenode(nnId).orElseThrow(() -> new HaAdminException(ExitCode.UNKNOWN_ID,
        "Unknown NameNode id '" + nnId + "' in nameservice " + ns.id() + "; valid ids: "
            + String.join(", ", ns.namenodeIds())));
  }
}

package io.baton.fencing;

import io.baton.config.ConfigProblem;
import io.baton.config.ConfigValidator;
import io.baton.config.DeploymentConfig;
import io.baton.config.FencingConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses every NameNode's {@code dfs.ha.fencing.methods} when the configuration loads (registered through
 * {@link java.util.ServiceLoader}), so bad fencing configuration is reported with all other problems.
 * NameNodes without fencing methods are left to the loader's own rule.
 */
public final class FencingConfigValidator implements ConfigValidator {
  @Override
  public List<ConfigProblem> validate(DeploymentConfig deployment) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (NameserviceConfig ns : deployment.nameservices()) {
      // NameNodes sharing one fencing configuration (the usual hdfs-site.xml) are reported once, together
      Map<FencingConfig, List<NameNodeConfig>> groups = new LinkedHashMap<>();
      for (NameNodeConfig nn : ns.namenodes()) {
        if (nn.fencing().isConfigured()) {
          groups.computeIfAbsent(nn.fencing(), f -> new ArrayList<>()).add(nn);
        }
      }
      // journal over file:// shared edits is the loader's own rule (ConfigRules), named at dfs.ha.fencing.methods;
      // the chain's error for the same mistake would say it twice
      boolean directoryEdits = ns.sharedEdits().isPresent() && ns.quorumJournal().isEmpty();
      groups.values().forEach(nns -> check(deployment, nns).stream()
          .filter(p -> !(directoryEdits && p.key().equals(MethodFactory.SHARED_EDITS_KEY)))
          .forEach(problems::add));
    }
    return problems;
  }

  private static List<ConfigProblem> check(DeploymentConfig deployment, List<NameNodeConfig> nns) {
    String label = nns.stream().map(NameNodeConfig::qualifiedId).collect(Collectors.joining(", "));
    try {
      return ChainBuilder.build(deployment, nns.get(0), label).problems();
    } catch (RuntimeException e) {
      return List.of(ConfigProblem.of(MethodFactory.METHODS_KEY, "fencing of " + label + " cannot be checked: " + e,
          "report this as a Baton bug, with the configured methods"));
    }
  }
}

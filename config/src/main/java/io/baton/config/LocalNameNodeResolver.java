package io.baton.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which NameNode this process serves: {@code --ns/--id} first, then {@code dfs.nameservice.id} /
 * {@code dfs.ha.namenode.id}, then the single NameNode whose rpc-address is on this host. A name that matches
 * nothing is a problem; an undecidable case leaves the local NameNode empty with the reason.
 */
final class LocalNameNodeResolver {
  static final String NS_KEY = "dfs.nameservice.id";
  static final String NN_KEY = "dfs.ha.namenode.id";

  record Result(Optional<LocalNameNode> local, Optional<String> reason) {}

  private final HadoopLayer hadoop;
  private final LocalAddresses addresses;
  private final Problems problems;

  LocalNameNodeResolver(HadoopLayer hadoop, LocalAddresses addresses, Problems problems) {
    this.hadoop = hadoop;
    this.addresses = addresses;
    this.problems = problems;
  }

  Result resolve(List<NameserviceConfig> nameservices, LoadOptions opts) {
    Optional<String> nsHint = opts.nameserviceId().or(() -> hadoop.get(NS_KEY)).map(String::strip);
    Origin nsOrigin = opts.nameserviceId().isPresent() ? new Origin("--ns", Optional.empty(), Origin.Source.DEFAULT)
        : hadoop.origin(NS_KEY);
    Optional<String> nnHint = opts.namenodeId().or(() -> hadoop.get(NN_KEY)).map(String::strip);
    Origin nnOrigin = opts.namenodeId().isPresent() ? new Origin("--id", Optional.empty(), Origin.Source.DEFAULT)
        : hadoop.origin(NN_KEY);
    List<String> nsIds = nameservices.stream().map(NameserviceConfig::id).toList();

    List<NameserviceConfig> candidates = nameservices;
    if (nsHint.isPresent()) {
      candidates = nameservices.stream().filter(ns -> ns.id().equals(nsHint.get())).toList();
      if (candidates.isEmpty()) {
        problems.add(nsOrigin, "names nameservice '" + nsHint.get() + "', which is not configured",
            "use one of: " + String.join(", ", nsIds));
        return none("nameservice '" + nsHint.get() + "' is not configured");
      }
    }
    if (nnHint.isPresent()) {
      return byId(candidates, nnHint.get(), nnOrigin);
    }
    return byAddress(candidates);
  }

  private Result byId(List<NameserviceConfig> candidates, String nnId, Origin origin) {
    List<NameserviceConfig> owners = candidates.stream().filter(ns -> ns.namenode(nnId).isPresent()).toList();
    if (owners.isEmpty()) {
      List<String> known = candidates.stream().flatMap(ns -> ns.namenodes().stream())
          .map(NameNodeConfig::qualifiedId).toList();
      problems.add(origin, "names NameNode '" + nnId + "', which is not configured",
          "use one of: " + String.join(", ", known));
      return none("NameNode '" + nnId + "' is not configured");
    }
    if (owners.size() > 1) {
      return none("NameNode id '" + nnId + "' exists in several nameservices ("
          + String.join(", ", owners.stream().map(NameserviceConfig::id).toList()) + "); pass --ns <nsId>");
    }
    return found(owners.get(0).id(), nnId);
  }

  private Result byAddress(List<NameserviceConfig> candidates) {
    List<NameNodeConfig> local = new ArrayList<>();
    for (NameserviceConfig ns : candidates) {
      for (NameNodeConfig nn : ns.namenodes()) {
        if (addresses.isLocal(nn.host())) {
          local.add(nn);
        }
      }
    }
    if (local.size() == 1) {
      return found(local.get(0).nameserviceId(), local.get(0).id());
    }
    List<String> names = local.stream().map(nn -> nn.qualifiedId() + " (" + nn.rpcAddress() + ")").toList();
    return none(local.isEmpty() ? "no configured NameNode has its rpc-address on this host; pass --id <nnId>"
        : "several NameNodes have their rpc-address on this host: " + String.join(", ", names)
            + "; pass --id <nnId> to say which one this process serves");
  }

  private static Result found(String ns, String nn) {
    return new Result(Optional.of(new LocalNameNode(ns, nn)), Optional.empty());
  }

  private static Result none(String reason) {
    return new Result(Optional.empty(), Optional.of(reason));
  }
}

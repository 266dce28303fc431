package io.baton.mock.client;

import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.net.URI;
import java.util.List;

/** Where a client reaches one NameNode's namespace API. */
public record NameNodeEndpoint(String id, URI http) {

  public static NameNodeEndpoint of(NameNodeConfig nn) {
    return new NameNodeEndpoint(nn.id(), URI.create("http://" + nn.httpAddress() + "/"));
  }

  /** The NameNodes of a nameservice in configured order, as ConfiguredFailoverProxyProvider tries them. */
  public static List<NameNodeEndpoint> of(NameserviceConfig ns) {
    return ns.namenodes().stream().map(NameNodeEndpoint::of).toList();
  }
}

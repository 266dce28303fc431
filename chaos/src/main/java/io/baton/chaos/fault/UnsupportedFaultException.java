package io.baton.chaos.fault;

/** The fault cannot run in this mode (e.g. a host-to-host partition without network namespaces). */
public final class UnsupportedFaultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFaultException(String message) {
    super(message);
  }
}

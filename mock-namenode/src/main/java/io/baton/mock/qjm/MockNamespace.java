package io.baton.mock.qjm;

import java.io.IOException;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;

/**
 * The namespace of a mock nameservice, derived from its id: what a mock NameNode answers to {@code versionRequest}
 * and what the mock journal node checks in {@code newEpoch} (by the nameservice id the call names, else the journal
 * id), as a real JournalNode checks its storage's VERSION file.
 */
public final class MockNamespace {
  private MockNamespace() {}

  public static NamespaceInfo of(String nameserviceId) {
    int id = nameserviceId.hashCode() & 0x7fffffff;
    return new NamespaceInfo(id == 0 ? 1 : id, "CID-mock-" + nameserviceId, "BP-mock-" + nameserviceId, 0L);
  }

  /** Refuses a namespace that is not this journal's, with the words a real JournalNode uses. */
  static void check(String nameserviceId, String journalId, NamespaceInfo given) throws IOException {
    NamespaceInfo own = of(nameserviceId != null && !nameserviceId.isEmpty() ? nameserviceId : journalId);
    if (given.getNamespaceID() != own.getNamespaceID()) {
      throw new IOException("Incompatible namespaceID for journal " + journalId + ": NameNode has nsId "
          + given.getNamespaceID() + " but storage has nsId " + own.getNamespaceID());
    }
    if (!own.getClusterID().equals(given.getClusterID())) {
      throw new IOException("Incompatible clusterID for journal " + journalId + ": NameNode has clusterId '"
          + given.getClusterID() + "' but storage has clusterId '" + own.getClusterID() + "'");
    }
  }
}

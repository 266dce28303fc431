package io.baton.mock.journal;

import io.baton.mock.common.ApiException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The journals of one journal node, by id, each opened (loaded from disk) on first use. */
public final class JournalRegistry {
  private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Map<String, Journal> journals = new ConcurrentHashMap<>();
  private final Function<String, Journal> opener;

  public JournalRegistry(Function<String, Journal> opener) {
    this.opener = opener;
  }

  /** Journals stored as {@code <editsDir>/<journalId>/}. */
  public static JournalRegistry onDisk(String nodeId, Path editsDir, Clock clock, boolean epochCheck) {
    return new JournalRegistry(id -> new Journal(nodeId, id, new FileJournalStorage(editsDir.resolve(id)), clock, epochCheck));
  }

  public static JournalRegistry inMemory(String nodeId, Clock clock, boolean epochCheck) {
    return new JournalRegistry(id -> new Journal(nodeId, id, new JournalStorage.InMemory(), clock, epochCheck));
  }

  /** @throws ApiException 400 when the id could escape the edits directory or is otherwise not a plain name */
  public Journal get(String journalId) {
    if (journalId == null || !VALID_ID.matcher(journalId).matches()) {
      throw ApiException.badRequest("journal id '" + journalId
          + "' is not valid; use letters, digits, '.', '_' and '-' (the id at the end of dfs.namenode.shared.edits.dir)");
    }
    return journals.computeIfAbsent(journalId, opener);
  }
}

package io.baton.config;

import java.nio.file.Path;

/** The (mock) journal node's storage: {@code dfs.journalnode.edits.dir}. */
public record JournalNodeConfig(Path editsDir) {}

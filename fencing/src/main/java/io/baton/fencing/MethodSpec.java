package io.baton.fencing;

import java.util.Optional;

/**
 * One parsed line of {@code dfs.ha.fencing.methods}.
 *
 * @param name the short name ({@code sshfence}) or class name
 * @param args the text in parentheses, stripped; empty when written without parentheses
 * @param line 1-based line number in the configured text, for error messages
 * @param text the line as written, without its comment
 */
record MethodSpec(String name, Optional<String> args, int line, String text) {}

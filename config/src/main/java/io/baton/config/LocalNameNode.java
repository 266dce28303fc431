package io.baton.config;

/** Which NameNode this process serves: from {@code --id}, {@code dfs.ha.namenode.id}, or a local address. */
public record LocalNameNode(String nameserviceId, String namenodeId) {}

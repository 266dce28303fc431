package io.baton.mock.ha;

/** What the active answers for an accepted write: who wrote it, at which epoch and txid. */
public record WriteAck(String nameNode, long epoch, long txid, String path) {}

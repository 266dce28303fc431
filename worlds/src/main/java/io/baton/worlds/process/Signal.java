package io.baton.worlds.process;

/** The POSIX signals the fault kit sends. */
public enum Signal {
  KILL, TERM, STOP, CONT;
}

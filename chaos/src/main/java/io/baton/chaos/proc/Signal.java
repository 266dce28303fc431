package io.baton.chaos.proc;

/** The POSIX signals the fault kit sends. */
public enum Signal {
  KILL, TERM, STOP, CONT;
}

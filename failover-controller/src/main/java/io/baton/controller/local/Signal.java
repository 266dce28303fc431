package io.baton.controller.local;

/** The POSIX signals the fault kit sends. */
public enum Signal {
  KILL, TERM, STOP, CONT;
}

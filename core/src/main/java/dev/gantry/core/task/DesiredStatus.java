package dev.gantry.core.task;

/** What the control plane wants for a task; it only ever moves from RUNNING to STOPPED. */
public enum DesiredStatus {
    RUNNING,
    STOPPED
}

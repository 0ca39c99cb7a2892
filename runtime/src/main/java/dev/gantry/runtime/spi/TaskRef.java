package dev.gantry.runtime.spi;

/** Identifies the task an engine object belongs to; every object a driver creates is labelled with it. */
public record TaskRef(String taskId, String taskArn, String clusterName, String family, int revision) {}

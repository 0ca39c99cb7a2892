package dev.gantry.runtime.spi;

/** A resource limit applied to a container's processes. */
public record UlimitSpec(String name, long soft, long hard) {}

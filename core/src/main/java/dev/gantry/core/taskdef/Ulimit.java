package dev.gantry.core.taskdef;

/** A resource limit ({@code nofile}, {@code nproc}, ...). */
public record Ulimit(String name, Integer softLimit, Integer hardLimit) {}

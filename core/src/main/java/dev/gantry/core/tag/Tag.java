package dev.gantry.core.tag;

/** An ECS resource tag (lower-case member names, as ECS spells them). */
public record Tag(String key, String value) {}

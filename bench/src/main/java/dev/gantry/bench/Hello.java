package dev.gantry.bench;

/** The start-up benchmark's baseline: the cheapest Java program, started with the same JDK as Gantry. */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        System.out.println("hello");
    }
}

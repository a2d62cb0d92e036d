package dev.alignguard.examples;

/** The README snippets' agent interface, as a host would declare it for AiServices. */
interface Agent {
    String chat(String task);
}

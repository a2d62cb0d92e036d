package dev.alignguard.core;

/**
 * Invalid configuration: an unknown key, a value of the wrong type or out of range, an unreadable file.
 * The message and {@link #key()} name the offending key so it can be fixed without reading code.
 */
public class ConfigException extends GuardException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String message) {
        super(key == null || key.isEmpty() ? message : key + ": " + message);
        this.key = key == null ? "" : key;
    }

    public ConfigException(String key, String message, Throwable cause) {
        super(key == null || key.isEmpty() ? message : key + ": " + message, cause);
        this.key = key == null ? "" : key;
    }

    /** The dotted config key at fault ({@code thresholds.blackmail.block}), empty for whole-file errors. */
    public String key() {
        return key;
    }
}

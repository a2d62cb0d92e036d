package dev.alignguard.core;

import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.judge.JudgeSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads {@link GuardConfig} from YAML or .properties. Both are flattened to dotted keys and bound by one
 * strict binder, so the two formats accept exactly the same keys and every error names its key. Unknown
 * keys are errors (a typo must not silently leave a default in place).
 */
final class ConfigLoader {
    private static final String PREFIX = "alignguard.";
    private static final int MAX_FILE_BYTES = 1 << 20;
    private static final int MAX_NESTING = 32;

    private ConfigLoader() {
    }

    public static GuardConfig load(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException("", "config file " + file + " is larger than 1 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file not found: " + file, e);
        } catch (IOException e) {
            throw new ConfigException("", "cannot read config file " + file + ": " + e, e);
        }
        if (name.endsWith(".properties")) {
            Properties p = new Properties();
            try (Reader r = new StringReader(text)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("", "malformed properties file " + file + ": " + e.getMessage(), e);
            }
            return fromProperties(p);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return fromYaml(text);
        }
        throw new ConfigException("", "unsupported config file type " + file + " (use .yaml, .yml or .properties)");
    }

    public static GuardConfig fromYaml(String yaml) {
        checkNesting(yaml);
        Object root;
        try {
            LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
                    .setCodePointLimit(MAX_FILE_BYTES).build();
            root = new Load(settings).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new ConfigException("", "malformed YAML: " + e.getMessage(), e);
        } catch (RuntimeException e) { // the parser lets a few errors through raw, e.g. a bad escape
            throw new ConfigException("", "malformed YAML: " + e, e);
        } catch (StackOverflowError e) { // the YAML parser recurses per nesting level; the input is bounded
            throw new ConfigException("", "malformed YAML: nested too deeply");
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        if (root != null) {
            if (!(root instanceof Map<?, ?> map)) {
                throw new ConfigException("", "the YAML document must be a mapping of keys");
            }
            flatten("", map, flat, 0);
        }
        return bind(flat);
    }

    /** Rejects flow collections nested deeper than any config needs, before the recursive parser sees them. */
    private static void checkNesting(String yaml) {
        int depth = 0;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if (c == '[' || c == '{') {
                if (++depth > MAX_NESTING) {
                    throw new ConfigException("", "malformed YAML: nested more than " + MAX_NESTING + " levels deep");
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
    }

    public static GuardConfig fromProperties(Properties properties) {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            flat.put(key, properties.getProperty(key));
        }
        return bind(flat);
    }

    /** Flat keys of a mapping; a mapping nested deeper than any config needs (an alias to itself) is an error. */
    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out, int depth) {
        if (depth > MAX_NESTING) {
            throw new ConfigException(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                    "malformed YAML: nested more than " + MAX_NESTING + " levels deep (an alias to itself?)");
        }
        map.forEach((k, v) -> {
            String key = prefix + k;
            if (v instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, out, depth + 1);
            } else if (v instanceof List<?>) {
                throw new ConfigException(key, "lists are not supported here");
            } else {
                out.put(key, v);
            }
        });
    }

    /** Binds flat keys to a config; keys may start with {@code alignguard.}; {@code -} and {@code _} are equal. */
    public static GuardConfig bind(Map<String, ?> flat) {
        Policy.Builder policy = Policy.builder();
        CacheSpec cache = CacheSpec.DEFAULT;
        boolean cacheEnabled = cache.enabled();
        long cacheSize = cache.maximumSize();
        Duration cacheExpiry = cache.expireAfterAccess();
        Duration timeout = GuardConfig.DEFAULT_TIMEOUT;
        boolean rawText = false;
        String model = "";
        JudgeSpec judgeDefaults = JudgeSpec.DEFAULT;
        boolean judgeEnabled = judgeDefaults.enabled();
        Set<Category> judgeCategories = judgeDefaults.categories();
        Set<String> judgeTools = judgeDefaults.tools();
        Duration judgeTimeout = judgeDefaults.timeout();
        long judgeTokens = judgeDefaults.maxTokens();
        for (Map.Entry<String, ?> e : flat.entrySet()) {
            String original = e.getKey();
            String key = canonical(original);
            Object value = e.getValue();
            try {
                switch (key) {
                    case "fail_mode" -> policy.failMode(FailMode.valueOf(text(value).toUpperCase(Locale.ROOT)));
                    case "max_input_chars" -> policy.maxInputChars((int) integer(value, 1, Integer.MAX_VALUE));
                    case "on_oversize" -> policy.onOversize(Decision.parse(text(value)));
                    case "timeout" -> timeout = GuardConfig.checkTimeout(duration(value));
                    case "cache.enabled" -> cacheEnabled = bool(value);
                    case "cache.maximum_size" -> cacheSize = integer(value, 1, Long.MAX_VALUE);
                    case "cache.expire_after_access" -> cacheExpiry = duration(value);
                    case "audit.include_raw_text" -> rawText = bool(value);
                    case "model.location" -> model = text(value);
                    case "judge.enabled" -> judgeEnabled = bool(value);
                    case "judge.categories" -> judgeCategories = categories(value);
                    case "judge.tools" -> judgeTools = names(value);
                    case "judge.timeout" -> judgeTimeout = duration(value);
                    case "judge.max_tokens" -> judgeTokens = integer(value, 1, 100_000);
                    default -> bindThreshold(policy, key, value);
                }
            } catch (ConfigException ce) {
                throw ce;
            } catch (RuntimeException ex) {
                throw new ConfigException(original, ex.getMessage() == null ? ex.toString() : ex.getMessage(), ex);
            }
        }
        try {
            cache = cacheEnabled ? new CacheSpec(true, cacheSize, cacheExpiry) : CacheSpec.DISABLED;
            JudgeSpec judge = new JudgeSpec(judgeEnabled, judgeCategories, judgeTools, judgeTimeout, (int) judgeTokens);
            return new GuardConfig(policy.build(), cache, timeout, rawText, model, judge);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("", ex.getMessage(), ex);
        }
    }

    private static void bindThreshold(Policy.Builder policy, String key, Object value) {
        String[] parts = key.split("\\.");
        if (parts.length == 3 && parts[0].equals("thresholds")) {
            policy.threshold(Category.fromId(parts[1]), level(parts[2]), threshold(value));
        } else if (parts.length >= 4 && parts[0].equals("tools")) {
            String tool = String.join(".", java.util.Arrays.copyOfRange(parts, 1, parts.length - 2));
            Category c = Category.fromId(parts[parts.length - 2]);
            Decision level = level(parts[parts.length - 1]);
            Threshold v = threshold(value);
            policy.tool(tool, t -> t.threshold(c, level, v));
        } else {
            throw new IllegalArgumentException("unknown key (see the README's config reference)");
        }
    }

    /** A comma-separated list of category ids, at least one. */
    private static Set<Category> categories(Object value) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        names(value).forEach(id -> out.add(Category.fromId(id)));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("expected at least one of blackmail, coercion, self_preservation");
        }
        return out;
    }

    /** A comma-separated list of names, spelled as written; empty for none. */
    private static Set<String> names(Object value) {
        return Arrays.stream(text(value).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String canonical(String key) {
        String k = key.trim();
        if (k.startsWith(PREFIX)) {
            k = k.substring(PREFIX.length());
        }
        // Tool names keep their spelling; the other parts are case- and dash-insensitive.
        if (k.startsWith("tools.")) {
            String[] parts = k.split("\\.");
            if (parts.length >= 4) {
                parts[parts.length - 1] = parts[parts.length - 1].toLowerCase(Locale.ROOT).replace('-', '_');
                parts[parts.length - 2] = parts[parts.length - 2].toLowerCase(Locale.ROOT).replace('-', '_');
            }
            return String.join(".", parts);
        }
        return k.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static Decision level(String name) {
        Decision d = Decision.parse(name);
        if (d == Decision.ALLOW) {
            throw new IllegalArgumentException("threshold level must be flag, require_approval or block");
        }
        return d;
    }

    private static Threshold threshold(Object value) {
        return value instanceof Number n ? Threshold.of(n.doubleValue()) : Threshold.parse(text(value));
    }

    private static long integer(Object value, long min, long max) {
        long v;
        if (value instanceof Number n && (n instanceof Integer || n instanceof Long || n instanceof java.math.BigInteger)) {
            v = n.longValue();
        } else {
            try {
                v = Long.parseLong(text(value).replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer, got '" + value + "'");
            }
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("expected an integer in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = text(value).toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("expected true or false, got '" + value + "'");
    }

    /** {@code 500ms}, {@code 2s}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT2S}). */
    static Duration duration(Object value) {
        String s = text(value).toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.startsWith("pt") || s.startsWith("p")) {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } else if (s.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            } else if (s.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            } else if (s.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            } else if (s.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1).trim()));
            } else {
                throw new NumberFormatException();
            }
            if (d.isNegative()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("expected a duration like 500ms, 2s, 10m or PT2S, got '" + value + "'");
        }
    }

    private static String text(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("value is missing");
        }
        return value.toString().trim();
    }
}

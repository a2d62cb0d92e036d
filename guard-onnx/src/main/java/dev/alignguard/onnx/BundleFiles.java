package dev.alignguard.onnx;

import dev.alignguard.core.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The files of one bundle (the guard's {@link ModelBundle} or the corpus audit's {@link CorpusModelBundle}), from
 * the class path or a directory: a file whose manifest states its size is read into one array of that size, and a
 * model is checked against the manifest's SHA-256 before ONNX Runtime sees it, so every loader refuses a
 * truncated, swapped or tampered file the same way.
 */
final class BundleFiles {
    private static final long MAX_FILE_BYTES = 512L << 20;
    /** Files up to this size are read into one array of the size their manifest states. */
    private static final long EXACT_READ_MAX_BYTES = 64L << 20;

    /** Opens one file of a bundle. */
    @FunctionalInterface
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private final String kind;
    private final String origin;
    private final Opener opener;

    private BundleFiles(String kind, String origin, Opener opener) {
        this.kind = kind;
        this.origin = origin;
        this.opener = opener;
    }

    /**
     * The files under folder {@code location} of class loader {@code cl}; a missing one throws a {@link ModelLoadException} with
     * the message {@code whenMissing} makes from its resource name.
     */
    static BundleFiles classpath(String kind, ClassLoader cl, String location,
                                 UnaryOperator<String> whenMissing) {
        return new BundleFiles(kind, "classpath:" + location, name -> {
            InputStream in = cl.getResourceAsStream(location + name);
            if (in == null) {
                throw new ModelLoadException(whenMissing.apply(location + name));
            }
            return in;
        });
    }

    /** The files in {@code dir}; a missing one, or one over 512 MiB, throws a {@link ModelLoadException}. */
    static BundleFiles directory(String kind, Path dir) {
        return new BundleFiles(kind, dir.toString(), name -> {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) {
                throw new ModelLoadException(kind + " bundle file " + p + " is missing");
            }
            if (Files.size(p) > MAX_FILE_BYTES) {
                throw new ModelLoadException(kind + " bundle file " + p + " is larger than 512 MiB");
            }
            return Files.newInputStream(p);
        });
    }

    /** Where the files come from, for messages. */
    String origin() {
        return origin;
    }

    /** A whole file of unknown size (at most 512 MiB are read). */
    byte[] read(String name) throws IOException {
        try (InputStream in = opener.open(name)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FILE_BYTES + 1));
        }
    }

    /**
     * Reads a file whose size the manifest states into one array of exactly that size: reading a 24 MB model
     * in unknown-size chunks and copying them together touches twice the heap, which stays resident. A file of
     * another size is refused (its checksum could not match anyway). Without a stated size, or with one above
     * {@link #EXACT_READ_MAX_BYTES} (a manifest must not make the loader allocate what the file does not hold),
     * reads in chunks as above; a stated size is checked either way.
     */
    byte[] read(String name, long statedSize) throws IOException {
        if (statedSize <= 0) {
            return read(name);
        }
        if (statedSize > EXACT_READ_MAX_BYTES) {
            byte[] bytes = read(name);
            if (bytes.length != statedSize) {
                throw new IOException(name + " is " + bytes.length + " bytes, its manifest states " + statedSize);
            }
            return bytes;
        }
        try (InputStream in = opener.open(name)) {
            byte[] bytes = new byte[(int) statedSize];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n != bytes.length || in.read() != -1) {
                throw new IOException(name + " is " + (n < bytes.length ? n + " bytes" : "longer")
                        + ", its manifest states " + statedSize);
            }
            return bytes;
        }
    }

    /**
     * The SHA-256 of {@code bytes}, which must equal {@code expected}.
     *
     * @throws ModelLoadException naming the file and both checksums when they differ
     */
    String verified(byte[] bytes, String name, String expected) {
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ModelLoadException(kind + " bundle " + origin + " is corrupt or tampered with: " + name
                    + " has sha256 " + actual + " but the manifest expects " + expected);
        }
        return actual;
    }

    /** The non-empty text member {@code field} of a manifest (section). */
    String text(Map<String, Object> manifest, String field) {
        String v = JsonValues.text(manifest.get(field));
        if (v.isEmpty()) {
            throw new ModelLoadException(kind + " manifest of " + origin + " has no " + field);
        }
        return v;
    }

    /** The manifest's {@code max_length}: the model's window in tokens, {@code [CLS]} and {@code [SEP]} included. */
    int maxLength(Map<String, Object> manifest) {
        int maxLength = (int) JsonValues.number(manifest.get("max_length"), 0);
        if (maxLength < 8 || maxLength > 8192) {
            throw new ModelLoadException(kind + " manifest of " + origin + " has an invalid max_length " + maxLength);
        }
        return maxLength;
    }

    /** The {@code size_bytes} of a manifest section, or -1 when it states none. */
    static long statedSize(Object section) {
        if (!(section instanceof Map<?, ?> m)) {
            return -1;
        }
        double size = JsonValues.number(m.get("size_bytes"), -1);
        return size == Math.rint(size) ? (long) size : -1;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

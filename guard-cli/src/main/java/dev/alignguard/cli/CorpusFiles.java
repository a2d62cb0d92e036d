package dev.alignguard.cli;

import dev.alignguard.core.corpus.CorpusAuditor;
import dev.alignguard.core.corpus.CorpusDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of {@code .txt} files as corpus documents: every regular {@code .txt} file below it, in the order of
 * their relative paths, each one document whose id is that path ({@code /}-separated) and whose line is its
 * position. A file larger than the limit, or one that cannot be read, becomes an unreadable document; text is read
 * as UTF-8 with malformed bytes replaced. Only the file names are listed up front; one file's text is read at a
 * time, when the audit asks for it.
 */
final class CorpusFiles implements CorpusAuditor.DocumentSource {
    private final Path root;
    private final Iterator<Path> files;
    private final long maxBytes;
    private long position;

    private CorpusFiles(Path root, List<Path> files, long maxBytes) {
        this.root = root;
        this.files = files.iterator();
        this.maxBytes = maxBytes;
    }

    /** The {@code .txt} files below {@code root}, files over {@code maxBytes} bytes reported as unreadable. */
    static CorpusFiles of(Path root, long maxBytes) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> txt = walk.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(Files::isRegularFile).map(root::relativize).sorted().toList();
            return new CorpusFiles(root, txt, maxBytes);
        }
    }

    @Override
    public CorpusDocument next() {
        if (!files.hasNext()) {
            return null;
        }
        Path relative = files.next();
        position++;
        String id = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        Path file = root.resolve(relative);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return CorpusDocument.unreadable(position, id, "file is larger than the limit of " + maxBytes
                        + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return CorpusDocument.of(position, id, null, decode(in.readNBytes((int) size)));
            }
        } catch (IOException e) {
            return CorpusDocument.unreadable(position, id, "cannot read the file: " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    }
}

// Runs guard-core's TextNormalizer (what the Java guard applies before tokenising) over texts, so the Python
// normaliser (textnorm.py) can be checked against it (tests/test_textnorm.py).
//
//   javac -d CLASSES guard-core/src/main/java/dev/alignguard/core/internal/normalize/{TextNormalizer,NormalizedText}.java \
//         training/tools/NormCheck.java && java -cp CLASSES NormCheck IN.txt OUT.txt
//
// IN.txt: one text per line, written as space-separated hexadecimal code points (so control characters,
// line breaks and unpaired surrogates survive the trip). OUT.txt: the normalised text of each, the same way.
import dev.alignguard.core.internal.normalize.TextNormalizer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

public class NormCheck {
    public static void main(String[] args) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.US_ASCII)) {
            StringBuilder text = new StringBuilder();
            for (String hex : line.trim().split(" ")) {
                if (!hex.isEmpty()) {
                    text.append(Character.toChars(Integer.parseInt(hex, 16)));
                }
            }
            out.add(TextNormalizer.normalize(text.toString()).text().codePoints()
                    .mapToObj(Integer::toHexString).collect(Collectors.joining(" ")));
        }
        Files.write(Paths.get(args[1]), out, StandardCharsets.US_ASCII);
    }
}

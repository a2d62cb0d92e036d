// Tokenises texts with the DJL HuggingFace tokenizer (Rust `tokenizers`, what the Java library uses) so the
// pure-Python tokenizer (wordpiece.py) can be checked against it.
//
//   java -Dai.djl.offline=true -cp <djl api, tokenizers, gson, slf4j jars> training/tools/TokCheck.java \
//        tokenizer.json TEXTS.jsonl OUT.txt [max_length]
//
// TEXTS.jsonl: one JSON string per line (already normalised text). OUT.txt: token ids per line, space separated
// ([CLS] ... [SEP], truncation to max_length, no padding).
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.Gson;

import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public class TokCheck {
    public static void main(String[] args) throws Exception {
        int maxLength = args.length > 3 ? Integer.parseInt(args[3]) : 128;
        Gson gson = new Gson();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) texts.add(gson.fromJson(line, String.class));
        }
        StringBuilder sb = new StringBuilder();
        try (HuggingFaceTokenizer tok = HuggingFaceTokenizer.builder()
                .optTokenizerPath(Paths.get(args[0]))
                .optAddSpecialTokens(true)
                .optTruncation(true)
                .optMaxLength(maxLength)
                .optPadding(false)
                .build()) {
            for (String t : texts) {
                Encoding e = tok.encode(t);
                long[] ids = e.getIds();
                for (int i = 0; i < ids.length; i++) {
                    if (i > 0) sb.append(' ');
                    sb.append(ids[i]);
                }
                sb.append('\n');
            }
        }
        Files.write(Paths.get(args[2]), sb.toString().getBytes(StandardCharsets.UTF_8));
        System.err.println("TokCheck: " + texts.size() + " texts");
    }
}

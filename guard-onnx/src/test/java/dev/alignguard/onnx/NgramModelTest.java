package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignguard.core.text.ScoredText;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NgramModelTest {
    private static final int DIM = 1 << 18;

    private static byte[] floats(float... w) {
        ByteBuffer b = ByteBuffer.allocate(4 * w.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : w) {
            b.putFloat(x);
        }
        return b.array();
    }

    @Test
    void computesTheTrainingPipelinesFeaturesSlotForSlot() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(NgramModelTest.class.getResourceAsStream(
                "/dev/alignguard/onnx/ngram-parity.jsonl"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                rows.add(json.readTree(line));
            }
        }
        assertEquals(12, rows.size());
        for (JsonNode row : rows) {
            String text = row.get("text").asText();
            int[] expected = new int[row.get("slots").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = row.get("slots").get(i).asInt();
            }
            assertArrayEquals(expected, NgramModel.slots(ScoredText.normalize(text), DIM, 600),
                    () -> "features of " + text.substring(0, Math.min(60, text.length())));
        }
    }

    @Test
    void logitIsTheBiasPlusTheMeanWeightScaledByTheSquareRootOfTheFeatureCount() {
        float[] w = new float[16];
        Arrays.fill(w, 0.5f);
        NgramModel m = NgramModel.of(floats(w), -1.0, 600);
        int n = NgramModel.slots("the robot", 16, 600).length;
        assertEquals(0.5 * n / Math.sqrt(n) - 1.0, m.logit("the robot"), 1e-12);
    }

    @Test
    void anEmptyDocumentScoresTheBias() {
        assertEquals(-2.0, NgramModel.of(floats(1f, 1f), -2.0, 600).logit(""), 0);
    }

    @Test
    void readsOnlyTheFirstMaxCharsCodePoints() {
        String head = "a calm opening about gardens and tea ";
        assertArrayEquals(NgramModel.slots(head, DIM, head.length()),
                NgramModel.slots(head + "the machine threatened everyone", DIM, head.length()));
    }

    @Test
    void refusesWeightsThatAreNotWholeFloats() {
        assertThrows(IllegalArgumentException.class, () -> NgramModel.of(new byte[6], 0, 600));
    }
}

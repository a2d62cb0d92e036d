// Runs an ONNX model with ONNX Runtime (Java) on token id sequences, so the Python pipeline (which has no
// onnxruntime) can check its exports.
//
//   java -cp onnxruntime-1.23.2.jar training/tools/OrtCheck.java MODEL.onnx IDS.txt [OUT.txt] [--batch N] [--threads N]
//        [--output NAME]
//
// IDS.txt: one sequence per line, token ids separated by spaces ([CLS] ... [SEP], already truncated).
// OUT.txt (default stdout): one line per sequence with the model output, floats separated by spaces.
// Sequences are sorted by length and run in right-padded batches (attention_mask 0 on padding).
// A `token_type_ids` input, if the model has one, gets zeros. A rank-3 output [B,S,H] (a plain encoder such
// as the base MiniLM) is mean-pooled over the attention mask; a rank-2 output [B,K] is written as is.
// --output NAME reads that graph output (default: the model's first output).
import ai.onnxruntime.*;

import java.io.*;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public class OrtCheck {
    public static void main(String[] args) throws Exception {
        List<String> pos = new ArrayList<>();
        int batch = 16, threads = 2;
        String wanted = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--batch")) batch = Integer.parseInt(args[++i]);
            else if (args[i].equals("--threads")) threads = Integer.parseInt(args[++i]);
            else if (args[i].equals("--output")) wanted = args[++i];
            else pos.add(args[i]);
        }
        if (pos.size() < 2) {
            System.err.println("usage: OrtCheck MODEL.onnx IDS.txt [OUT.txt] [--batch N] [--threads N] [--output NAME]");
            System.exit(2);
        }
        List<long[]> seqs = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(pos.get(1)), StandardCharsets.UTF_8)) {
            line = line.trim();
            if (line.isEmpty()) continue;
            String[] p = line.split("\\s+");
            long[] s = new long[p.length];
            for (int i = 0; i < p.length; i++) s[i] = Long.parseLong(p[i]);
            seqs.add(s);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        so.setIntraOpNumThreads(threads);
        so.setInterOpNumThreads(1);
        long t0 = System.nanoTime();
        float[][] results = new float[seqs.size()][];
        try (OrtSession session = env.createSession(pos.get(0), so)) {
            long tLoad = System.nanoTime();
            Set<String> inputs = session.getInputNames();
            String outName = wanted != null ? wanted : session.getOutputNames().iterator().next();
            if (!session.getOutputNames().contains(outName)) {
                System.err.println("OrtCheck: the model has no output " + outName + "; it has " + session.getOutputNames());
                System.exit(2);
            }
            Integer[] order = new Integer[seqs.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, Comparator.comparingInt(i -> seqs.get(i).length));
            for (int start = 0; start < order.length; start += batch) {
                int n = Math.min(batch, order.length - start);
                int len = 0;
                for (int j = 0; j < n; j++) len = Math.max(len, seqs.get(order[start + j]).length);
                long[] ids = new long[n * len], mask = new long[n * len], types = new long[n * len];
                for (int j = 0; j < n; j++) {
                    long[] s = seqs.get(order[start + j]);
                    for (int k = 0; k < s.length; k++) {
                        ids[j * len + k] = s[k];
                        mask[j * len + k] = 1;
                    }
                }
                long[] shape = {n, len};
                Map<String, OnnxTensor> feed = new HashMap<>();
                try {
                    feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
                    feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
                    if (inputs.contains("token_type_ids"))
                        feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
                    try (OrtSession.Result r = session.run(feed)) {
                        Object v = r.get(outName).get().getValue();
                        for (int j = 0; j < n; j++) {
                            int idx = order[start + j];
                            if (v instanceof float[][]) {
                                results[idx] = ((float[][]) v)[j].clone();
                            } else {
                                float[][] h = ((float[][][]) v)[j];
                                int real = seqs.get(idx).length;
                                float[] pooled = new float[h[0].length];
                                for (int k = 0; k < real; k++)
                                    for (int d = 0; d < pooled.length; d++) pooled[d] += h[k][d];
                                for (int d = 0; d < pooled.length; d++) pooled[d] /= real;
                                results[idx] = pooled;
                            }
                        }
                    }
                } finally {
                    for (OnnxTensor t : feed.values()) t.close();
                }
            }
            long t1 = System.nanoTime();
            System.err.printf(Locale.ROOT, "OrtCheck: %d sequences, load %.0f ms, run %.0f ms (%.2f ms/seq, batch %d, %d threads)%n",
                    seqs.size(), (tLoad - t0) / 1e6, (t1 - tLoad) / 1e6, (t1 - tLoad) / 1e6 / Math.max(1, seqs.size()), batch, threads);
        }
        StringBuilder sb = new StringBuilder();
        for (float[] r : results) {
            for (int d = 0; d < r.length; d++) {
                if (d > 0) sb.append(' ');
                sb.append(Float.toString(r[d]));
            }
            sb.append('\n');
        }
        if (pos.size() >= 3) Files.write(Paths.get(pos.get(2)), sb.toString().getBytes(StandardCharsets.UTF_8));
        else System.out.print(sb);
    }
}

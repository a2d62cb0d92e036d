"""Python wrapper around tools/OrtCheck.java (Java ONNX Runtime), the only ONNX runtime available here."""
import os
import subprocess
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ORT_JAR = os.environ.get("ORT_JAR", os.path.expanduser(
    "~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.23.2/onnxruntime-1.23.2.jar"))
SRC = os.path.join(HERE, "tools", "OrtCheck.java")


def available():
    return os.path.exists(ORT_JAR)


def run(model_path, seqs, batch=16, threads=2, verbose=True, output=None):
    """Model outputs [N, K] for token id sequences, computed by ONNX Runtime Java (`output`: the graph output to
    read, by name; default the first)."""
    if not available():
        raise RuntimeError(f"onnxruntime jar not found at {ORT_JAR} (set ORT_JAR)")
    with tempfile.TemporaryDirectory() as d:
        ids = os.path.join(d, "ids.txt")
        out = os.path.join(d, "out.txt")
        with open(ids, "w") as f:
            for s in seqs:
                f.write(" ".join(str(int(x)) for x in s) + "\n")
        cmd = ["java", "-Xmx2g", "-Djava.io.tmpdir=" + d, "-cp", ORT_JAR, SRC, model_path, ids, out,
               "--batch", str(batch), "--threads", str(threads)] + (["--output", output] if output else [])
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"OrtCheck failed ({r.returncode}):\n{r.stderr[-4000:]}")
        if verbose:
            for line in r.stderr.splitlines():
                if line.startswith("OrtCheck"):
                    print("  " + line, flush=True)
        with open(out) as f:
            return np.array([[float(x) for x in line.split()] for line in f if line.strip()], dtype=np.float64)

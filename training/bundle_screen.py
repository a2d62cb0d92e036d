#!/usr/bin/env python3
"""Adds the cascade's screening model (training/work/student.onnx + student.json, from student.py) to a model
bundle: copies the file and writes the manifest's `screen` section (file, sha256, clear_below, metrics).
bundle.py calls it after writing a bundle; run it alone to screen an existing bundle:

  /usr/bin/python3 training/bundle_screen.py [--bundle-dir guard-model/src/main/resources/dev/alignguard/model]
"""
import argparse
import hashlib
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "work")
BUNDLE_DIR = os.path.join(HERE, "..", "guard-model", "src", "main", "resources", "dev", "alignguard", "model")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def times_flag(q):
    """The clear_below multiples as text: one number (older students) or one per label."""
    if isinstance(q, dict):
        return "(" + ", ".join(f"{l} {v:.2f}" for l, v in q.items()) + ")"
    return f"{q:.2f}"


def add_screen(bundle_dir, student_onnx, student_json, clear_below=None):
    """clear_below: the calibrated values (calibrate.py) when student_onnx is the calibrated graph."""
    with open(student_json) as f:
        info = json.load(f)
    if clear_below is not None:
        info["clear_below"] = clear_below
    out = os.path.join(bundle_dir, "student.onnx")
    shutil.copyfile(student_onnx, out)
    manifest_path = os.path.join(bundle_dir, "alignguard-model.json")
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["screen"] = {
        "file": "student.onnx", "sha256": sha256(out), "size_bytes": os.path.getsize(out),
        "clear_below": {k: round(v, 6) for k, v in info["clear_below"].items()},
        "rule": f"a text is cleared (keeps the screen's scores) when every label is below clear_below = "
                f"{times_flag(info['clear_below_times_flag'])} x the label's flag threshold: multiples grown while they "
                f"cost at most {100 * info['max_recall_loss_val']:.1f} points of recall at 1% FPR and "
                f"{100 * info['max_flag_recall_loss_val']:.1f} of recall at flag on validation"
                + ("; chosen on uncalibrated scores and mapped through the calibration" if clear_below else ""),
        "architecture": info["architecture"], "distillation": info["distillation"],
        "training": info["training"], "metrics": info["metrics"],
    }
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"screen added to {bundle_dir}: student.onnx {os.path.getsize(out) / 1e6:.2f} MB, "
          f"clear_below {manifest['screen']['clear_below']}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bundle-dir", default=BUNDLE_DIR)
    p.add_argument("--student", default=os.path.join(WORK, "student.onnx"))
    p.add_argument("--student-json", default=os.path.join(WORK, "student.json"))
    a = p.parse_args()
    add_screen(a.bundle_dir, a.student, a.student_json)


if __name__ == "__main__":
    main()

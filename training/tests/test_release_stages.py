"""run_all.sh's release stages: with RELEASE_EARLY_LAST_WRITER the first two stages train on the corpus of the
earlier writers only, without it on the full corpus; later stages (RELEASE_LATER_STAGES) continue each on the
writers up to its own cut, some averaged with their start. A dry run: every python, setup and mvn step is replaced
by an echo, nothing trains. Also the writer numbering that assemble_v4.py --last-writer filters on."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(TRAINING, "data"))
sys.path.insert(0, os.path.join(TRAINING, "data", "writers"))
sys.path.insert(0, TRAINING)
import assemble_v4  # noqa: E402


def dry_run(script="run_all.sh", args=(), **env):
    """The python steps a training/ script would run, as echoed lines (its copy sits in training/, so its
    `cd` lands in the repository root as the original's does; nothing is written)."""
    with open(os.path.join(TRAINING, script), encoding="utf-8") as f:
        script = f.read()
    script = re.sub(r"^(\s*)\$PY ", r"\1echo PY ", script, flags=re.M)
    script = re.sub(r"^bash training/setup.sh", "echo setup", script, flags=re.M)
    script = re.sub(r"^mvn ", "echo mvn ", script, flags=re.M)
    script = re.sub(r"^(\s*)(rm -rf|cp|sha256sum|mkdir|\[ -f)", r"\1echo \2", script, flags=re.M)
    script = re.sub(r"&& (mkdir|cp) ", r"&& echo \1 ", script)  # the second command of a chain writes files too
    script = re.sub(r">\s*training/work/\S+", "> /dev/null", script)  # e.g. the from-bundle step's model.json
    with tempfile.NamedTemporaryFile("w", suffix=".sh", dir=TRAINING, delete=False) as f:
        f.write(script)
    try:
        full_env = dict(os.environ, SKIP_CORPUS="1", **env)
        full_env.pop("TRAIN_ARGS", None)
        out = subprocess.run(["bash", f.name, *args], env=full_env, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    return [line for line in out.splitlines() if line.startswith("PY training/")]


def train_runs(**env):
    return [line for line in dry_run(**env) if line.startswith("PY training/train.py")]


class ReleaseStages(unittest.TestCase):
    def test_later_stages_continue_in_order_each_on_the_writers_up_to_its_own_cut(self):
        steps = dry_run(RELEASE_LATER_STAGES="94:5678 99:9012")
        runs = [s for s in steps if s.startswith("PY training/train.py")]
        self.assertEqual(4, len(runs))
        assembled = [s for s in steps if "assemble_v4.py" in s]
        self.assertTrue(assembled[1].endswith("--last-writer 94 --out training/work/corpus-w94"), assembled)
        self.assertTrue(assembled[2].endswith("--last-writer 99 --out training/work/corpus-w99"), assembled)
        self.assertIn("--corpus-dir training/work/corpus-w94 --init training/work/model-later1-start.pt ", runs[2])
        self.assertTrue(runs[2].endswith("--seed 5678"), runs[2])
        self.assertIn("--corpus-dir training/work/corpus-w99 --init training/work/model-later2-start.pt ", runs[3])
        self.assertTrue(runs[3].endswith("--seed 9012"), runs[3])

    def test_without_an_early_cut_every_stage_trains_on_the_full_corpus(self):
        runs = train_runs(RELEASE_CONTINUE_ARGS="--seed 4321", RELEASE_EARLY_LAST_WRITER="", RELEASE_LATER_STAGES="")
        self.assertEqual(2, len(runs))
        self.assertTrue(all("--corpus-dir training/work/corpus " in r for r in runs), runs)

    def test_the_default_recipe_is_0_8_0s_two_stages_on_writers_up_to_w83_three_later_ones_then_the_cut(self):
        steps = dry_run()
        runs = [s for s in steps if s.startswith("PY training/train.py")]
        self.assertEqual(5, len(runs))
        self.assertTrue(all("--corpus-dir training/work/corpus-early " in r for r in runs[:2]), runs)
        self.assertEqual(["corpus-w94 ", "corpus-w99 ", "corpus-w102 "],
                         [re.search(r"corpus-w\d+ ", r).group(0) for r in runs[2:]])
        self.assertEqual(["--seed 5678", "--seed 9012", "--seed 3456"], [r[r.rindex("--seed"):] for r in runs[2:]])
        self.assertIn("--last-writer 83", next(s for s in steps if "assemble_v4.py" in s))
        self.assertEqual(1, sum("average_weights.py" in s for s in steps))
        prune = [i for i, s in enumerate(steps) if "prune_vocab.py" in s]
        evaluate = [i for i, s in enumerate(steps) if "evaluate.py --stage torch" in s]
        self.assertEqual(1, len(prune))
        self.assertIn("--max-tokens 17800", steps[prune[0]])
        self.assertLess(steps.index(runs[-1]), prune[0])
        self.assertLess(prune[0], evaluate[0])

    def test_an_averaged_stage_leaves_the_mean_of_its_start_and_end_before_the_cut(self):
        steps = dry_run(RELEASE_LATER_STAGES="94:5678:avg")
        runs = [s for s in steps if s.startswith("PY training/train.py")]
        average = [i for i, s in enumerate(steps) if "average_weights.py" in s]
        self.assertEqual(["PY training/average_weights.py --out training/work/model.pt "
                          "training/work/model-later1-start.pt training/work/model-later1-end.pt"],
                         [steps[i] for i in average])
        self.assertLess(steps.index(runs[-1]), average[0])
        self.assertLess(average[0], next(i for i, s in enumerate(steps) if "prune_vocab.py" in s))

    def test_a_stage_without_avg_is_kept_as_trained(self):
        self.assertFalse(any("average_weights.py" in s for s in dry_run(RELEASE_LATER_STAGES="94:5678")))

    def test_a_rep_stage_trains_on_a_corpus_with_the_languages_repeated(self):
        steps = dry_run(RELEASE_LATER_STAGES="118:2468 118:1357:rep", RELEASE_REPEAT_LANG="zh:3,*:2")
        corpora = [s for s in steps if s.startswith("PY training/data/assemble_v4.py")]
        self.assertNotIn("--repeat-lang", corpora[-2])
        self.assertIn("--last-writer 118 --repeat-lang zh:3,*:2 --out training/work/corpus-w118-rep", corpora[-1])
        self.assertIn("--corpus-dir training/work/corpus-w118-rep ", train_runs(RELEASE_LATER_STAGES="118:1357:rep")[-1])

    def test_flags_combine_averaging_and_repetition(self):
        steps = dry_run(RELEASE_LATER_STAGES="94:5678:avg+rep")
        self.assertTrue(any("--repeat-lang" in s for s in steps))
        self.assertTrue(any("average_weights.py" in s for s in steps))

    def test_an_extended_vocabulary_trains_its_new_rows_in_every_later_stage(self):
        env = dict(RELEASE_FROM_BUNDLE="1", RELEASE_EXTEND_VOCAB="118", RELEASE_LATER_STAGES="118:2468 118:1357:rep")
        steps = dry_run(**env)
        extend = [s for s in steps if s.startswith("PY training/extend_vocab.py")]
        self.assertEqual(1, len(extend))
        self.assertIn("--corpus-dir training/work/corpus-vocab", extend[0])
        self.assertLess(steps.index(extend[0]), steps.index(train_runs(**env)[0]))
        for run in train_runs(**env):
            self.assertIn("--train-rows-from training/work/cjk-tokenizer-report.json --new-rows-lr 2e-3", run)

    def test_a_dry_run_from_the_bundle_writes_nothing_into_training_work(self):
        meta = os.path.join(TRAINING, "work", "model.json")
        before = os.stat(meta).st_mtime_ns if os.path.exists(meta) else None
        dry_run(RELEASE_FROM_BUNDLE="1", RELEASE_LATER_STAGES="118:2468")
        self.assertEqual(before, os.stat(meta).st_mtime_ns if os.path.exists(meta) else None)

    def test_from_the_committed_bundle_the_rebuild_is_checked_against_its_parity_file(self):
        rebuild = [s for s in dry_run(RELEASE_FROM_BUNDLE="1", RELEASE_LATER_STAGES="118:2468")
                   if s.startswith("PY training/checkpoint_from_bundle.py")]
        self.assertEqual(["PY training/checkpoint_from_bundle.py --bundle guard-model/src/main/resources/dev/alignguard/"
                          "model --out training/work/model.pt --check"], rebuild)

    def test_from_a_stage_checkpoint_with_no_stages_only_the_release_steps_run(self):
        with tempfile.TemporaryDirectory() as d:  # a checkpoint folder: int8 model and tokenizer, no parity file
            steps = dry_run(RELEASE_FROM_BUNDLE="1", RELEASE_BUNDLE_DIR=d, RELEASE_LATER_STAGES="")
        rebuild = [s for s in steps if s.startswith("PY training/checkpoint_from_bundle.py")]
        self.assertEqual([f"PY training/checkpoint_from_bundle.py --bundle {d} --out training/work/model.pt"], rebuild)
        self.assertFalse(any(s.startswith("PY training/train.py") for s in steps))
        self.assertLess(steps.index(rebuild[0]),
                        next(i for i, s in enumerate(steps) if s.startswith("PY training/evaluate.py --stage torch")))

    def test_without_an_extended_vocabulary_no_rows_are_singled_out(self):
        runs = train_runs(RELEASE_FROM_BUNDLE="1", RELEASE_LATER_STAGES="118:2468")
        self.assertFalse(any("--train-rows-from" in r for r in runs))

    def test_without_a_vocabulary_cut_nothing_is_pruned(self):
        self.assertFalse(any("prune_vocab.py" in s for s in dry_run(RELEASE_PRUNE_TOKENS="")))


class WriterNumber(unittest.TestCase):
    def test_reads_the_number_of_a_writer_name(self):
        self.assertEqual((7, 71), (assemble_v4.writer_number("w07-fiction"),
                                   assemble_v4.writer_number("w71-structured-selfreports")))

    def test_rejects_a_name_without_a_number(self):
        with self.assertRaises(ValueError):
            assemble_v4.writer_number("template")


class WriterSplit(unittest.TestCase):
    def test_an_unnamed_writer_trains(self):
        self.assertEqual("train", assemble_v4.split_of("w07-fiction", {"w11-we-voice": "val"}))

    def test_a_reserved_generalist_is_left_out_unless_named(self):
        self.assertIsNone(assemble_v4.split_of("w90-generalist-workplace", {"w11-we-voice": "val"}))
        self.assertEqual("val", assemble_v4.split_of("w90-generalist-workplace",
                                                     {"w90-generalist-workplace": "val"}))

    def test_naming_validation_writers_keeps_the_default_test_writers(self):
        splits = assemble_v4.splits_with({"w11-we-voice": "val", "w10-infra-hostage": "test"},
                                         val="w90-generalist-workplace")
        self.assertEqual({"w90-generalist-workplace": "val", "w10-infra-hostage": "test"}, splits)

    def test_naming_test_writers_replaces_only_the_test_writers(self):
        splits = assemble_v4.splits_with({"w11-we-voice": "val", "w10-infra-hostage": "test"},
                                         test="w16-customer-agents,w22-multilingual-2")
        self.assertEqual({"w11-we-voice": "val", "w16-customer-agents": "test", "w22-multilingual-2": "test"},
                         splits)


if __name__ == "__main__":
    unittest.main()

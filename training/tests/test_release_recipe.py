"""The release recipe in run_all.sh (RELEASE_TRAIN_ARGS) parses with train.py into a fixed step count with no
wall-clock budget. Argument parsing only: torch and the model modules are stubbed, nothing trains."""
import os
import re
import shlex
import sys
import unittest
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
sys.path.insert(0, TRAINING)
import metrics  # noqa: E402,F401  (imported here, so the patched sys.modules below never unloads them)
import numpy  # noqa: E402,F401
import texts  # noqa: E402,F401


def release_args(name="RELEASE_TRAIN_ARGS"):
    """The default of run_all.sh's `name="${name:-...}"` (or `${name-"..."}`) as train.py arguments."""
    with open(os.path.join(TRAINING, "run_all.sh"), encoding="utf-8") as f:
        m = re.search(rf'^{name}="\$\{{{name}(?::-(.*)|-"(.*)")\}}"$', f.read(), re.M)
    return shlex.split(m.group(1) or m.group(2))


def parse(argv):
    stubs = {name: mock.MagicMock() for name in ("torch", "torch.nn", "common", "base_model")}
    stubs["common"].MAX_LENGTH = 128
    with mock.patch.dict(sys.modules, stubs):
        sys.modules.pop("train", None)
        try:
            import train
            return train.parse_args(argv)
        finally:
            sys.modules.pop("train", None)


class ReleaseRecipe(unittest.TestCase):
    def test_is_model_0_7_0s_fixed_step_count_without_a_time_budget(self):
        a = parse(release_args())
        self.assertEqual((2000, 2, 4, 0.0), (a.max_steps, a.epochs, a.freeze_layers, a.time_budget_min))

    def test_the_second_stage_is_a_fixed_step_count_with_its_own_seed(self):
        a = parse(release_args("RELEASE_CONTINUE_ARGS"))
        self.assertEqual((700, 4321, 0.0), (a.max_steps, a.seed, a.time_budget_min))

    def test_a_negative_budget_is_a_usage_error(self):
        with mock.patch("sys.stderr"), self.assertRaises(SystemExit) as e:
            parse(["--time-budget-min", "-1"])
        self.assertEqual(2, e.exception.code)

    def test_train_py_alone_keeps_its_25_minute_budget(self):
        self.assertEqual(25.0, parse([]).time_budget_min)


if __name__ == "__main__":
    unittest.main()

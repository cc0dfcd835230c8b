"""Unit and end-to-end smoke tests for the training pipeline (CPU, ~1 minute).

    python3 training/tests/test_smoke.py            # plain unittest
    python3 -m pytest training/tests -q             # or pytest

The end-to-end test builds a tiny synthetic YOLO dataset in a temporary folder (or uses $PPE_DATA, first 8
images) and runs: train 1 epoch (paused by the time budget) -> resume 1 more -> evaluate -> export ONNX ->
evaluate ONNX (when onnxruntime is installed), through pipeline.py as a GPU session would.
"""
import ast
import json
import os
import subprocess
import sys
import tempfile
import unittest

import cv2
import numpy as np
import torch

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TRAINING)

from common import (bbox2dist, dist2bbox, letterbox, load_ckpt, load_data_config, pack_log8,  # noqa: E402
                    parse_simple_yaml, unletterbox_boxes, unpack_log8)
from evaluate import RECALL_POINTS, average_precision, match_detections, summarize  # noqa: E402
from loss import DetectionLoss  # noqa: E402
from model import DFL, YOLO  # noqa: E402

try:
    import onnxruntime  # noqa: F401
    HAVE_ORT = True
except ImportError:
    HAVE_ORT = False


def ap_of(dets, gts):
    """dets: list of (score, x1, y1, x2, y2, cls); gts: list of (cls, x1, y1, x2, y2); single image."""
    d = np.array([[x1, y1, x2, y2, s, c] for s, x1, y1, x2, y2, c in dets], dtype=np.float64).reshape(-1, 6)
    g = np.array(gts, dtype=np.float64).reshape(-1, 5)
    tp = match_detections(d, g)
    return average_precision(tp, d[:, 4], len(g))


class TestMetrics(unittest.TestCase):
    def test_perfect_detections(self):
        gts = [(0, 10, 10, 50, 50), (0, 100, 100, 150, 170), (0, 200, 20, 260, 90)]
        dets = [(0.9 - 0.1 * i, *g[1:], 0) for i, g in enumerate(gts)]
        np.testing.assert_allclose(ap_of(dets, gts), np.ones(10))

    def test_false_positive_ranked_first(self):
        # 1 gt; FP (0.9) then TP (0.8): precision 0.5 at recall 1 -> envelope 0.5 everywhere -> AP 0.5
        gts = [(0, 10, 10, 50, 50)]
        dets = [(0.9, 300, 300, 340, 340, 0), (0.8, 10, 10, 50, 50, 0)]
        np.testing.assert_allclose(ap_of(dets, gts), np.full(10, 0.5))

    def test_tp_fp_tp(self):
        # 2 gts; TP, FP, TP: precision 1 up to recall 0.5 (51 of 101 points), then 2/3 (50 points)
        gts = [(0, 10, 10, 50, 50), (0, 100, 100, 150, 150)]
        dets = [(0.9, 10, 10, 50, 50, 0), (0.8, 300, 300, 340, 340, 0), (0.7, 100, 100, 150, 150, 0)]
        self.assertAlmostEqual(ap_of(dets, gts)[0], (51 + 50 * 2 / 3) / 101, places=9)
        self.assertEqual(len(RECALL_POINTS), 101)

    def test_iou_thresholds(self):
        # IoU 0.62: TP at 0.50, 0.55, 0.60 only -> AP50 1, AP50-95 0.3
        gts = [(0, 0, 0, 100, 100)]
        dets = [(0.9, 0, 0, 100, 62, 0)]
        ap = ap_of(dets, gts)
        self.assertAlmostEqual(ap[0], 1.0)
        self.assertAlmostEqual(float(ap.mean()), 0.3)

    def test_class_mismatch_and_duplicates(self):
        gts = [(1, 10, 10, 50, 50)]
        d = np.array([[10, 10, 50, 50, 0.9, 0], [10, 10, 50, 50, 0.8, 1], [11, 11, 50, 50, 0.7, 1]])
        tp = match_detections(d, np.array(gts, dtype=float))
        self.assertEqual(tp[:, 0].tolist(), [False, True, False])  # wrong class, match, duplicate

    def test_summarize(self):
        stats = {"tp": np.array([[True] * 10, [False] * 10]), "conf": np.array([0.9, 0.1]),
                 "cls": np.array([0, 2]), "gt_cls": np.array([0, 2])}
        res = summarize(stats, ["a", "b", "c"])
        self.assertAlmostEqual(res["map50"], 0.5)  # class a: 1.0, class c: 0.0, class b: no gt (ignored)
        self.assertIsNone(res["per_class"]["b"]["ap50"])
        self.assertAlmostEqual(res["precision"], 0.5)  # at conf 0.25: a 1/1, c no detections -> 0
        self.assertAlmostEqual(res["recall"], 0.5)
        json.dumps(res, allow_nan=False)


class TestGeometry(unittest.TestCase):
    def test_letterbox_roundtrip(self):
        img = np.random.default_rng(0).integers(0, 255, (480, 640, 3), dtype=np.uint8)
        out, r, (pw, ph) = letterbox(img, (640, 640))
        self.assertEqual(out.shape, (640, 640, 3))
        self.assertEqual((r, pw, ph), (1.0, 0, 80))
        self.assertTrue((out[:80] == 114).all() and (out[-80:] == 114).all())
        out, r, (pw, ph) = letterbox(img, (320, 320))
        self.assertEqual((r, pw, ph), (0.5, 0, 40))
        boxes = np.array([[10.0, 20.0, 300.0, 400.0], [0, 0, 640, 480]])
        lb = boxes * r + np.array([pw, ph, pw, ph])
        np.testing.assert_allclose(unletterbox_boxes(lb, r, (pw, ph), (480, 640)), boxes, atol=1e-4)
        # odd sizes: centred within one pixel
        out, r, (pw, ph) = letterbox(np.zeros((333, 500, 3), np.uint8), (736, 736))
        self.assertEqual(out.shape[:2], (736, 736))
        self.assertLessEqual(abs((736 - round(333 * r)) / 2 - ph), 0.5)

    def test_box_decode_roundtrip(self):
        anchors = torch.tensor([[10.5, 20.5], [3.5, 3.5]])
        boxes = torch.tensor([[5.0, 15.0, 14.0, 30.0], [1.0, 2.0, 8.0, 9.0]])
        dist = bbox2dist(anchors, boxes, 15)
        np.testing.assert_allclose(dist2bbox(dist, anchors, xywh=False).numpy(), boxes.numpy(), atol=1e-5)
        xywh = dist2bbox(dist, anchors, xywh=True)
        np.testing.assert_allclose(xywh[0].numpy(), [9.5, 22.5, 9.0, 15.0], atol=1e-5)

    def test_dfl_expectation(self):
        dfl = DFL(16)
        logits = torch.full((1, 64, 2), -50.0)
        for side, k in enumerate((0, 3, 7, 15)):
            logits[0, side * 16 + k, :] = 50.0
        np.testing.assert_allclose(dfl(logits)[0, :, 0].numpy(), [0, 3, 7, 15], atol=1e-4)

    def test_model_output_and_fuse(self):
        torch.manual_seed(0)
        m = YOLO(nc=4, width=0.0625, depth=0.33).eval()
        for mod in m.modules():  # non-trivial BN statistics
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.running_mean.uniform_(-0.5, 0.5)
                mod.running_var.uniform_(0.5, 2.0)
        x = torch.rand(1, 3, 96, 128)
        with torch.no_grad():
            y = m(x)
            self.assertEqual(tuple(y.shape), (1, 8, 12 * 16 + 6 * 8 + 3 * 4))
            yf = m.fuse()(x)
        np.testing.assert_allclose(yf.numpy(), y.numpy(), atol=2e-3, rtol=1e-3)
        self.assertTrue(((y[:, 4:] >= 0) & (y[:, 4:] <= 1)).all())

    def test_loss_runs_and_backprops(self):
        torch.manual_seed(0)
        m = YOLO(nc=4, width=0.0625).train()
        crit = DetectionLoss(m)
        x = torch.rand(2, 3, 128, 128)
        t = torch.tensor([[0, 1, 0.5, 0.5, 0.3, 0.4], [1, 3, 0.2, 0.3, 0.1, 0.1], [1, 0, 0.7, 0.7, 0.2, 0.3]])
        loss, items = crit(m(x), t)
        loss.backward()
        self.assertTrue(torch.isfinite(loss) and (items > 0).all())
        self.assertIsNotNone(m.b0.conv.weight.grad)
        loss0, items0 = crit(m(x), torch.zeros(0, 6))  # no targets: only the classification term
        self.assertTrue(torch.isfinite(loss0) and items0[0] == 0 and items0[2] == 0)

    def test_log8_pack(self):
        x = torch.randn(1000) * torch.logspace(-6, 0, 1000)
        x[::97] = 0
        nz = x != 0
        for v, tol in ((x, 0.15), (x * x, 0.075)):  # signed (exp_avg), non-negative (exp_avg_sq)
            p = pack_log8(v)
            self.assertEqual(p["code"].element_size(), 1)
            y = unpack_log8(p)
            self.assertTrue((y[~nz] == 0).all())
            self.assertTrue((torch.sign(y) == torch.sign(v)).all())
            inrange = nz & (v.abs() >= 2.0 ** (p["hi"] - 48))  # 48 octaves kept; smaller values clamp up
            self.assertLess(((y[inrange] - v[inrange]).abs() / v[inrange].abs()).max().item(), tol)
            self.assertTrue((y[nz & ~inrange].abs() >= v[nz & ~inrange].abs()).all())


class TestConfig(unittest.TestCase):
    def test_yaml(self):
        text = ("# c\ntrain: train/images\nval: val/images  # v\nnc: 4\nnames:\n  0: helmet   # h\n"
                "  1: no_helmet\n  2: no_vest\n  3: vest\n")
        cfg = parse_simple_yaml(text)
        self.assertEqual(cfg["names"], {0: "helmet", 1: "no_helmet", 2: "no_vest", 3: "vest"})
        self.assertEqual(cfg["nc"], 4)
        self.assertEqual(parse_simple_yaml("names: ['a', 'b']\n")["names"], ["a", "b"])
        self.assertEqual(parse_simple_yaml("names:\n  - a\n  - b\n")["names"], ["a", "b"])

    def test_folder_without_yaml(self):
        with tempfile.TemporaryDirectory() as d:
            for s in ("train", "val"):
                os.makedirs(os.path.join(d, s, "images"))
            cfg = load_data_config(d)
            self.assertTrue(cfg["train"].endswith(os.path.join("train", "images")))
            self.assertEqual(cfg["names"], ["helmet", "no_helmet", "no_vest", "vest"])


def make_synthetic_dataset(root, n_train=8, n_val=4, seed=0):
    """Coloured rectangles on noise; class = colour."""
    rng = np.random.default_rng(seed)
    colours = [(0, 200, 255), (255, 0, 0), (0, 0, 255), (0, 255, 0)]
    for split, n in (("train", n_train), ("val", n_val)):
        os.makedirs(os.path.join(root, split, "images"))
        os.makedirs(os.path.join(root, split, "labels"))
        for i in range(n):
            h, w = int(rng.integers(120, 200)), int(rng.integers(150, 240))
            img = rng.integers(0, 80, (h, w, 3), dtype=np.uint8)
            rows = []
            for _ in range(int(rng.integers(1, 4))):
                c = int(rng.integers(0, 4))
                bw, bh = int(rng.integers(20, w // 2)), int(rng.integers(20, h // 2))
                x1, y1 = int(rng.integers(0, w - bw)), int(rng.integers(0, h - bh))
                img[y1:y1 + bh, x1:x1 + bw] = colours[c]
                rows.append(f"{c} {(x1 + bw / 2) / w:.6f} {(y1 + bh / 2) / h:.6f} {bw / w:.6f} {bh / h:.6f}")
            cv2.imwrite(os.path.join(root, split, "images", f"{i:04d}.jpg"), img)
            with open(os.path.join(root, split, "labels", f"{i:04d}.txt"), "w") as f:
                f.write("\n".join(rows) + "\n")
    with open(os.path.join(root, "data.yaml"), "w") as f:
        f.write("train: train/images\nval: val/images\nnc: 4\nnames:\n  0: helmet\n  1: no_helmet\n"
                "  2: no_vest\n  3: vest\n")


class TestEndToEnd(unittest.TestCase):
    def run_py(self, args, cwd):
        env = dict(os.environ, PYTHONUNBUFFERED="1", OMP_NUM_THREADS="2")
        env.pop("OUT", None)
        p = subprocess.run([sys.executable] + args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
        if p.returncode != 0:
            self.fail(f"{' '.join(args)} failed:\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}")
        return p.stdout

    def test_pipeline_chunks(self):
        with tempfile.TemporaryDirectory() as tmp:
            data = os.environ.get("PPE_DATA")
            if not data:
                data = os.path.join(tmp, "data")
                make_synthetic_dataset(data)
            runs, out, onnx_path = os.path.join(tmp, "runs"), os.path.join(tmp, "out"), os.path.join(tmp, "m.onnx")
            pipe = [os.path.join(TRAINING, "pipeline.py"), "--data", data, "--project", runs, "--name", "t",
                    "--out", out, "--onnx", onnx_path, "--eval-imgsz", "160", "--device", "cpu"]
            train_opts = ["--epochs", "2", "--close-mosaic", "1", "--imgsz", "160", "--val-imgsz", "160",
                          "--batch", "4", "--workers", "1", "--val-interval", "1", "--copy-paste", "0.5",
                          "--balanced", "--max-train-images", "8", "--max-val-images", "8", "--cache-ram"]
            # chunk 1: the tiny budget pauses after the first epoch
            log1 = self.run_py(pipe + ["--budget-min", "0.001", "--post-min", "0"] + train_opts, tmp)
            self.assertIn("training paused at epoch 1", log1)
            self.assertTrue(os.path.exists(os.path.join(out, "last.pt")))
            self.assertLess(os.path.getsize(os.path.join(out, "last.pt")), 16 * 2**20)
            ck = load_ckpt(os.path.join(runs, "t", "last.pt"))
            self.assertEqual((ck["epoch"], ck["finished"]), (1, False))
            self.assertEqual(ck["model"]["b0.conv.weight"].dtype, torch.float16)
            # chunk 2: resume, finish, evaluate, export, evaluate ONNX
            log2 = self.run_py(pipe + ["--budget-min", "9"], tmp)
            self.assertIn("resumed from", log2)
            self.assertIn("epoch 2/2", log2)
            with open(os.path.join(out, "summary.json")) as f:
                summary = json.load(f)
            self.assertEqual(summary["train"]["status"], "finished")
            for k in ("map50", "map50_95", "precision", "recall"):
                self.assertTrue(0.0 <= summary["eval_pytorch"][k] <= 1.0)
            self.assertTrue(os.path.exists(os.path.join(out, "m.onnx")))
            self.check_onnx(onnx_path)
            if HAVE_ORT:
                self.assertTrue(summary["pytorch_vs_onnx"]["within_0.005"], summary["pytorch_vs_onnx"])
            # a third call only re-runs the post-processing
            log3 = self.run_py(pipe + ["--budget-min", "9"], tmp)
            self.assertIn("training already finished", log3)
            # evaluate.py CLI on the checkpoint
            self.run_py([os.path.join(TRAINING, "evaluate.py"), "--weights", os.path.join(runs, "t", "best.pt"),
                         "--data", data, "--imgsz", "160", "--workers", "0", "--device", "cpu",
                         "--json", os.path.join(tmp, "e.json")], tmp)
            with open(os.path.join(tmp, "e.json")) as f:
                self.assertIn("per_class", json.load(f))

    def check_onnx(self, path):
        import onnx

        m = onnx.load(path)
        onnx.checker.check_model(m)
        self.assertEqual([o.version for o in m.opset_import if o.domain in ("", "ai.onnx")], [17])
        dims = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]  # noqa: E731
        self.assertEqual((m.graph.input[0].name, dims(m.graph.input[0])), ("images", [1, 3, "height", "width"]))
        self.assertEqual((m.graph.output[0].name, dims(m.graph.output[0])), ("output0", [1, 8, "anchors"]))
        meta = {p.key: p.value for p in m.metadata_props}
        self.assertEqual(meta["names"], "{0: 'helmet', 1: 'no_helmet', 2: 'no_vest', 3: 'vest'}")
        self.assertEqual(ast.literal_eval(meta["names"])[1], "no_helmet")
        self.assertEqual((meta["stride"], meta["imgsz"]), ("32", "[640, 640]"))
        self.assertTrue(meta["description"] and meta["version"])
        self.assertLess(os.path.getsize(path), 12 * 2**20)


if __name__ == "__main__":
    unittest.main(verbosity=2)

"""One time-boxed step of the whole pipeline; call it repeatedly (e.g. once per 10-minute GPU command).

    python training/pipeline.py --data training/data/ppe --name ppe --out "$OUT" [train.py options...]

- <runs>/<name>/last.pt exists and is unfinished -> resume training for the remaining time budget;
  no last.pt -> start training with the given train.py options (e.g. --epochs 150 --imgsz 800 --balanced).
- once training has finished (in this call or an earlier one): evaluate the PyTorch weights, export ONNX
  (models/ppe-detector.onnx), evaluate the ONNX file the same way and compare (|diff| <= 0.005 mAP expected),
  optionally build and evaluate the int8 model (--int8).
- copies last.pt, best.pt, results.csv, status.json, summary.json and the ONNX file(s) to --out (if given).
Prints the per-epoch log and a final summary; exit status 0 unless something failed.
"""
import argparse
import json
import os
import shutil
import sys
import time
import traceback

START = time.time()
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

from common import load_ckpt  # noqa: E402
from evaluate import evaluate_path, format_table  # noqa: E402
from export import DEFAULT_OUT, export_onnx  # noqa: E402
import train as train_mod  # noqa: E402


def parse():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                 allow_abbrev=False)
    ap.add_argument("--data", required=True, help="dataset folder or data.yaml")
    ap.add_argument("--name", default="ppe")
    ap.add_argument("--project", default=os.path.join(HERE, "runs"))
    ap.add_argument("--out", default=os.environ.get("OUT"), help="folder to copy the artefacts to (default $OUT)")
    ap.add_argument("--budget-min", type=float, default=9.0, help="wall-time budget of this whole call")
    ap.add_argument("--post-min", type=float, default=1.5,
                    help="minutes kept back for evaluation + export when training may finish in this call")
    ap.add_argument("--eval-imgsz", type=int, default=640)
    ap.add_argument("--final-weights", choices=["best", "last"], default="best",
                    help="checkpoint to export: best validation fitness (default) or the last epoch")
    ap.add_argument("--onnx", default=DEFAULT_OUT)
    ap.add_argument("--version", default="0.1.0", help="ONNX `version` metadata")
    ap.add_argument("--int8", action="store_true", help="also quantize to int8 (quantize.py) and evaluate")
    ap.add_argument("--post-only", action="store_true", help="skip training; evaluate/export the finished run")
    ap.add_argument("--device", default="auto")
    return ap.parse_known_args()


def post_process(a, run_dir, summary):
    weights = os.path.join(run_dir, f"{a.final_weights}.pt")
    if not os.path.exists(weights):
        weights = os.path.join(run_dir, "last.pt")
    print(f"\n== evaluate PyTorch {weights} at {a.eval_imgsz}")
    ev_pt = evaluate_path(weights, a.data, a.eval_imgsz, device=a.device)
    print(format_table(ev_pt))
    print(f"\n== export ONNX -> {a.onnx}")
    rep = export_onnx(weights, a.onnx, 640, 17, a.version)
    summary.update({"weights": os.path.basename(weights), "eval_pytorch": ev_pt, "export": rep})
    try:
        print(f"\n== evaluate ONNX {a.onnx} at {a.eval_imgsz}")
        ev_onnx = evaluate_path(a.onnx, a.data, a.eval_imgsz, device=a.device)
        print(format_table(ev_onnx))
        diff = {k: round(abs(ev_onnx[k] - ev_pt[k]), 5) for k in ("map50", "map50_95")}
        diff["within_0.005"] = max(diff["map50"], diff["map50_95"]) <= 0.005
        print(f"PyTorch vs ONNX |diff|: {diff}")
        summary.update({"eval_onnx": ev_onnx, "pytorch_vs_onnx": diff})
    except SystemExit as e:  # onnxruntime missing
        print(f"ONNX evaluation skipped: {e}")
    if a.int8:
        from quantize import quantize_int8

        int8 = a.onnx.replace(".onnx", "-int8.onnx")
        print(f"\n== int8 quantization -> {int8}")
        quantize_int8(a.onnx, a.data, int8)
        ev_q = evaluate_path(int8, a.data, a.eval_imgsz, device=a.device)
        print(format_table(ev_q))
        summary.update({"eval_onnx_int8": ev_q, "int8_bytes": os.path.getsize(int8)})


def main():
    a, train_args = parse()
    run_dir = os.path.join(a.project, a.name)
    last = os.path.join(run_dir, "last.pt")
    summary, failed = {"run_dir": run_dir}, None
    try:
        if not a.post_only:
            budget = max(a.budget_min - a.post_min, 0.01)
            common = ["--time-budget-min", str(budget), "--device", a.device, "--data", os.path.abspath(a.data)]
            if os.path.exists(last):
                argv = ["--resume", last] + common + train_args
                print(f"== resuming {last}")
            else:
                argv = ["--project", a.project, "--name", a.name] + common + train_args
                print(f"== starting a new run in {run_dir}: {' '.join(train_args) or '(defaults)'}")
            summary["train"] = train_mod.train(argv, start_time=START)
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
        else:
            ck = load_ckpt(last)
            summary["train"] = {"status": "finished" if ck.get("finished") else "paused", "epoch": ck["epoch"]}
        if summary["train"]["status"] == "finished":
            post_process(a, run_dir, summary)
        else:
            print(f"\ntraining paused at epoch {summary['train']['epoch']}: run this command again to continue")
    except (Exception, SystemExit) as e:  # still save what exists
        failed = f"{type(e).__name__}: {e}"
        summary["error"] = failed
        traceback.print_exc()

    summary["wall_seconds"] = round(time.time() - START, 1)
    os.makedirs(run_dir, exist_ok=True)
    with open(os.path.join(run_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2, default=str)
    if a.out:
        os.makedirs(a.out, exist_ok=True)
        files = [os.path.join(run_dir, n) for n in ("last.pt", "best.pt", "results.csv", "status.json", "summary.json")]
        if summary.get("train", {}).get("status") == "finished":
            files += [a.onnx, a.onnx.replace(".onnx", "-int8.onnx")]
        for f in files:
            if os.path.exists(f):
                shutil.copy2(f, os.path.join(a.out, os.path.basename(f)))
        print(f"copied {', '.join(sorted(os.listdir(a.out)))} to {a.out}")
    short = {k: summary.get(k) for k in ("train", "pytorch_vs_onnx", "error", "wall_seconds") if k in summary}
    for k in ("eval_pytorch", "eval_onnx", "eval_onnx_int8"):
        if k in summary:
            short[k] = {m: round(summary[k][m], 4) for m in ("map50", "map50_95", "precision", "recall")}
            short[k]["ap50_per_class"] = {n: (round(v["ap50"], 3) if v["ap50"] is not None else None)
                                          for n, v in summary[k]["per_class"].items()}
    print("SUMMARY " + json.dumps(short, default=str))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()

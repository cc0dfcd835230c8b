"""Export a checkpoint's EMA weights to ONNX in the Ultralytics YOLOv8 detect format.

    python training/export.py --weights training/runs/ppe/best.pt            # -> models/ppe-detector.onnx

input  `images`  float32 [1, 3, H, W], RGB 0..1, Ultralytics letterbox (grey 114); H, W dynamic (multiples of 32)
output `output0` float32 [1, 4 + nc, N]: cx, cy, w, h in input pixels, then per-class sigmoid scores; no NMS
metadata_props: description, author, date, version, license, task, stride, batch, imgsz, names (Python dict string)
Conv+BN are fused first; opset 17. The file is checked with onnx.checker and, where onnxruntime is installed,
run against PyTorch on random inputs at several sizes (max abs difference printed).
"""
import argparse
import inspect
import json
import os
import sys
from datetime import datetime, timezone

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from evaluate import load_checkpoint_model  # noqa: E402

DEFAULT_OUT = os.path.join(os.path.dirname(HERE), "models", "ppe-detector.onnx")
CHECK_SHAPES = ((640, 640), (736, 736), (1088, 1088), (1280, 1280), (480, 640), (640, 384))
MAX_BYTES = 12 * 2**20


def onnx_metadata(names, imgsz, version, description):
    return {
        "description": description,
        "author": "Hard Hats training pipeline (training/)",
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "version": version,
        "license": "internal development/evaluation only (training data: no licence stated)",
        "task": "detect",
        "stride": "32",
        "batch": "1",
        "imgsz": str([imgsz, imgsz]),
        "names": str({i: n for i, n in enumerate(names)}),
    }


def export_onnx(weights, out=DEFAULT_OUT, imgsz=640, opset=17, version="0.1.0", description=None, check=True):
    import onnx

    model, ckpt = load_checkpoint_model(weights, torch.device("cpu"), use_ema=True, fuse=True)
    names = ckpt.get("names") or ckpt["model_cfg"]["names"]
    x = torch.zeros(1, 3, imgsz, imgsz)
    with torch.no_grad():
        model(x)  # dry run
    kw = {"opset_version": opset, "input_names": ["images"], "output_names": ["output0"],
          "dynamic_axes": {"images": {2: "height", 3: "width"}, "output0": {2: "anchors"}},
          "do_constant_folding": True}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kw["dynamo"] = False  # TorchScript exporter: stable dynamic_axes, no onnxscript needed
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    torch.onnx.export(model, x, out, **kw)

    m = onnx.load(out)
    # declare the output as [1, 4 + nc, anchors] (the tracer leaves batch and channel symbolic)
    dims = m.graph.output[0].type.tensor_type.shape.dim
    for d, v in zip(dims, (1, 4 + len(names), "anchors")):
        d.Clear()
        if isinstance(v, int):
            d.dim_value = v
        else:
            d.dim_param = v
    onnx.checker.check_model(m)
    desc = description or (f"PPE detector ({', '.join(names)}), YOLOv8-style, trained from scratch; "
                           f"{ckpt.get('epoch', '?')} epochs; checkpoint {os.path.basename(str(weights))}")
    meta = onnx_metadata(names, imgsz, version, desc)
    del m.metadata_props[:]
    for k, v in meta.items():
        p = m.metadata_props.add()
        p.key, p.value = k, v
    onnx.save(m, out)
    size = os.path.getsize(out)
    print(f"wrote {out} ({size / 2**20:.2f} MiB), opset {opset}, inputs "
          f"{[(i.name, [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim]) for i in m.graph.input]}, "
          f"outputs {[(o.name, [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim]) for o in m.graph.output]}")
    if size > MAX_BYTES:
        raise SystemExit(f"ONNX file is {size / 2**20:.1f} MiB > 12 MiB limit")
    report = {"onnx": out, "bytes": size, "metadata": meta}
    if check:
        report["check"] = check_onnx(out, model, len(names))
    return report


def expected_anchors(h, w):
    return sum((h // s) * (w // s) for s in (8, 16, 32))


def check_onnx(path, model, nc, shapes=CHECK_SHAPES, seed=0):
    """Run the ONNX file in onnxruntime at several input sizes and compare with PyTorch."""
    try:
        import onnxruntime as ort
    except ImportError:
        print("onnxruntime not installed: skipped the numerical check (onnx.checker passed)")
        return {"onnxruntime": False}
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    g = torch.Generator().manual_seed(seed)
    results = {}
    for h, w in shapes:
        x = torch.rand(1, 3, h, w, generator=g)
        with torch.no_grad():
            ref = model(x).numpy()
        y = sess.run(None, {"images": x.numpy()})[0]
        assert y.shape == (1, 4 + nc, expected_anchors(h, w)), f"bad output shape {y.shape} for input {h}x{w}"
        d_box = float(np.abs(y[:, :4] - ref[:, :4]).max())
        d_cls = float(np.abs(y[:, 4:] - ref[:, 4:]).max())
        results[f"{h}x{w}"] = {"max_abs_diff_boxes_px": d_box, "max_abs_diff_scores": d_cls}
        print(f"onnxruntime {h}x{w}: output {list(y.shape)}, max |diff| boxes {d_box:.2e} px, scores {d_cls:.2e}")
        if d_box > 0.05 or d_cls > 1e-3:
            raise SystemExit(f"ONNX output differs from PyTorch at {h}x{w}: boxes {d_box}, scores {d_cls}")
    return {"onnxruntime": ort.__version__, "shapes": results}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", required=True, help="checkpoint (.pt); its EMA weights are exported")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--imgsz", type=int, default=640, help="trace size and `imgsz` metadata")
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--version", default="0.1.0", help="`version` metadata")
    ap.add_argument("--description", default=None)
    ap.add_argument("--no-check", action="store_true")
    ap.add_argument("--json", default=None, help="write an export report here")
    a = ap.parse_args(argv)
    rep = export_onnx(a.weights, a.out, a.imgsz, a.opset, a.version, a.description, not a.no_check)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rep, f, indent=2)
    return rep


if __name__ == "__main__":
    main()

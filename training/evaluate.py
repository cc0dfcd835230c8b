"""COCO-style evaluation of a PyTorch checkpoint or an exported ONNX model on a YOLO-format split.

mAP@0.5 and mAP@0.5:0.95 (IoU 0.50:0.05:0.95) with pycocotools' 101-point interpolated precision envelope,
greedy matching of detections in descending score order; per class and mean over classes with ground truth.
Also precision / recall at a fixed confidence (default 0.25) at IoU 0.5.
Both model formats get identical pre-processing (Ultralytics letterbox to imgsz x imgsz, RGB, 0..1) and
post-processing (conf 0.001, class-wise NMS via torchvision.ops.batched_nms, at most 300 detections).

    python training/evaluate.py --weights training/runs/ppe/best.pt --data training/data/ppe
    python training/evaluate.py --weights models/ppe-detector.onnx --data training/data/ppe --json m.json
"""
import argparse
import ast
import json
import os
import sys
import time

import numpy as np
import torch
from torch.utils.data import DataLoader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import box_iou, load_data_config, select_device, unletterbox_boxes, xywh2xyxy  # noqa: E402
from data import LetterboxDataset, collate_val  # noqa: E402

IOU_THRESHOLDS = np.linspace(0.5, 0.95, 10)
RECALL_POINTS = np.linspace(0.0, 1.0, 101)


# --------------------------------------------------------------------------- post-processing
def postprocess(pred, conf=0.001, iou=0.7, max_det=300, multi_label=True, max_nms=30000):
    """pred: (B, 4 + nc, N) [cx, cy, w, h, scores...] -> list of (n, 6) [x1, y1, x2, y2, score, cls]."""
    import torchvision

    out = []
    for p in pred:
        p = p.transpose(0, 1).float()
        boxes, scores = xywh2xyxy(p[:, :4]), p[:, 4:]
        if multi_label:
            i, j = (scores > conf).nonzero(as_tuple=False).T
            boxes, sc, cls = boxes[i], scores[i, j], j.float()
        else:
            sc, cls = scores.max(1)
            keep = sc > conf
            boxes, sc, cls = boxes[keep], sc[keep], cls[keep].float()
        if sc.numel() > max_nms:
            top = sc.topk(max_nms).indices
            boxes, sc, cls = boxes[top], sc[top], cls[top]
        keep = torchvision.ops.batched_nms(boxes, sc, cls.long(), iou)[:max_det]
        out.append(torch.cat((boxes[keep], sc[keep, None], cls[keep, None]), 1))
    return out


# --------------------------------------------------------------------------- matching and AP
def match_detections(dets, gts, iou_thresholds=IOU_THRESHOLDS):
    """COCO greedy matching for one image. dets (n, 6) [x1,y1,x2,y2,score,cls], gts (m, 5) [cls,x1,y1,x2,y2].
    Returns tp (n, T) bool in the order of `dets`."""
    dets, gts = np.asarray(dets, dtype=np.float64).reshape(-1, 6), np.asarray(gts, dtype=np.float64).reshape(-1, 5)
    n, t = len(dets), len(iou_thresholds)
    tp = np.zeros((n, t), dtype=bool)
    if n == 0 or len(gts) == 0:
        return tp
    ious = box_iou(dets[:, :4], gts[:, 1:5])
    ious[dets[:, 5][:, None] != gts[:, 0][None, :]] = -1.0  # class must match
    matched = np.zeros((t, len(gts)), dtype=bool)
    thr = np.asarray(iou_thresholds)[:, None]
    for d in np.argsort(-dets[:, 4], kind="stable"):
        row = ious[d]
        if row.max() < iou_thresholds[0]:
            continue
        cand = (row[None, :] >= thr) & ~matched
        has = cand.any(1)
        if not has.any():
            continue
        best = np.where(cand, row[None, :], -2.0).argmax(1)
        tp[d] = has
        matched[np.nonzero(has)[0], best[has]] = True
    return tp


def average_precision(tp, conf, n_gt):
    """101-point interpolated AP (pycocotools) for one class. tp (n, T) bool, conf (n,). Returns (T,) array."""
    t = tp.shape[1]
    if n_gt == 0:
        return np.full(t, np.nan)
    if len(conf) == 0:
        return np.zeros(t)
    order = np.argsort(-conf, kind="stable")
    tp = tp[order].astype(np.float64)
    tpc, fpc = np.cumsum(tp, 0), np.cumsum(1 - tp, 0)
    recall = tpc / n_gt
    precision = tpc / np.maximum(tpc + fpc, np.finfo(np.float64).eps)
    ap = np.zeros(t)
    for k in range(t):
        env = np.maximum.accumulate(precision[::-1, k])[::-1]  # precision envelope
        idx = np.searchsorted(recall[:, k], RECALL_POINTS, side="left")
        q = np.where(idx < len(env), env[np.minimum(idx, len(env) - 1)], 0.0)
        ap[k] = q.mean()
    return ap


def _num(x):
    """float, or None for NaN (a class without ground truth) so the JSON stays standard."""
    x = float(x)
    return None if np.isnan(x) else x


def summarize(stats, names, conf_pr=0.25):
    """stats: dict(tp (n,T), conf (n,), cls (n,), gt_cls (m,)) over the whole split -> metrics dict."""
    tp, conf, cls, gt_cls = stats["tp"], stats["conf"], stats["cls"], stats["gt_cls"]
    per_class, ap50s, aps, ps, rs = {}, [], [], [], []
    for c, name in enumerate(names):
        m = cls == c
        n_gt = int((gt_cls == c).sum())
        ap = average_precision(tp[m], conf[m], n_gt)
        sel = m & (conf >= conf_pr)
        n_tp = int(tp[sel, 0].sum())
        n_det = int(sel.sum())
        p = n_tp / n_det if n_det else 0.0
        r = n_tp / n_gt if n_gt else float("nan")
        per_class[name] = {"instances": n_gt, "ap50": _num(ap[0]), "ap50_95": _num(np.mean(ap)),
                           "precision": p, "recall": _num(r), "detections_at_conf": n_det}
        if n_gt:
            ap50s.append(ap[0])
            aps.append(np.mean(ap))
            ps.append(p)
            rs.append(r)
    mean = lambda v: float(np.mean(v)) if v else 0.0  # noqa: E731
    out = {"map50": mean(ap50s), "map50_95": mean(aps), "precision": mean(ps), "recall": mean(rs),
           "conf_for_pr": conf_pr, "instances": int(len(gt_cls)), "per_class": per_class}
    out["fitness"] = 0.1 * out["map50"] + 0.9 * out["map50_95"]
    return out


# --------------------------------------------------------------------------- model runners
def load_checkpoint_model(path, device, use_ema=True, fuse=True):
    from common import float_state_dict, load_ckpt
    from model import build_model

    ckpt = load_ckpt(path)
    model = build_model(ckpt["model_cfg"])
    sd = ckpt["ema"] if (use_ema or ckpt.get("model") is None) and ckpt.get("ema") is not None else ckpt["model"]
    model.load_state_dict(float_state_dict(sd))
    model.float().eval()
    if fuse:
        model.fuse()
    return model.to(device), ckpt


class TorchRunner:
    def __init__(self, model, device):
        self.model, self.device = model.eval(), device

    @torch.no_grad()
    def __call__(self, x):
        return self.model(x.to(self.device))


class OnnxRunner:
    def __init__(self, path, device):
        try:
            import onnxruntime as ort
        except ImportError as e:
            raise SystemExit("onnxruntime is not installed: cannot evaluate an ONNX model here") from e
        providers = ["CPUExecutionProvider"]
        if device.type == "cuda" and "CUDAExecutionProvider" in ort.get_available_providers():
            providers.insert(0, "CUDAExecutionProvider")
        self.session = ort.InferenceSession(path, providers=providers)
        self.input = self.session.get_inputs()[0].name
        meta = self.session.get_modelmeta().custom_metadata_map
        self.names = ast.literal_eval(meta["names"]) if "names" in meta else None

    def __call__(self, x):
        outs = [self.session.run(None, {self.input: xi[None].cpu().numpy().astype(np.float32)})[0] for xi in x]
        return torch.from_numpy(np.concatenate(outs, 0))


# --------------------------------------------------------------------------- evaluation loop
@torch.no_grad()
def run_evaluation(runner, val_dir, names, imgsz=640, batch=16, workers=4, conf=0.001, iou=0.7, max_det=300,
                   max_images=None, device=torch.device("cpu"), conf_pr=0.25):
    ds = LetterboxDataset(val_dir, imgsz, len(names), max_images)
    dl = DataLoader(ds, batch_size=batch, shuffle=False, num_workers=min(workers, os.cpu_count() or 1),
                    collate_fn=collate_val)
    tps, confs, clss, gt_cls = [], [], [], []
    t0, n_img = time.time(), 0
    for imgs, gts, shapes, ratios, pads, _ in dl:
        x = imgs.to(device, non_blocking=True).float() / 255.0
        pred = runner(x)
        for d, gt, shape, r, pad in zip(postprocess(pred.to(device), conf, iou, max_det), gts, shapes, ratios, pads):
            d = d.cpu().numpy()
            d[:, :4] = unletterbox_boxes(d[:, :4], r, pad, shape)
            tps.append(match_detections(d, gt))
            confs.append(d[:, 4])
            clss.append(d[:, 5])
            gt_cls.append(gt[:, 0])
            n_img += 1
    stats = {"tp": np.concatenate(tps, 0), "conf": np.concatenate(confs), "cls": np.concatenate(clss),
             "gt_cls": np.concatenate(gt_cls)}
    res = summarize(stats, names, conf_pr)
    res.update({"images": n_img, "imgsz": imgsz, "conf": conf, "nms_iou": iou, "max_det": max_det,
                "seconds": round(time.time() - t0, 2)})
    return res


def evaluate_model(model, val_dir, names, imgsz, device, batch=16, workers=4, max_images=None):
    """Used by train.py on the (unfused) EMA model."""
    was_training = model.training
    model.eval()
    res = run_evaluation(TorchRunner(model, device), val_dir, names, imgsz, batch, workers,
                         max_images=max_images, device=device)
    model.train(was_training)
    return res


def format_table(res):
    lines = [f"{'class':<12}{'inst':>6}{'AP50':>8}{'AP50-95':>9}{'P@' + str(res['conf_for_pr']):>8}{'R':>7}"]
    f = lambda v, w: f"{v:>{w}.3f}" if v is not None else f"{'-':>{w}}"  # noqa: E731
    for name, r in res["per_class"].items():
        lines.append(f"{name:<12}{r['instances']:>6}{f(r['ap50'], 8)}{f(r['ap50_95'], 9)}"
                     f"{f(r['precision'], 8)}{f(r['recall'], 7)}")
    lines.append(f"{'all':<12}{res['instances']:>6}{res['map50']:>8.3f}{res['map50_95']:>9.3f}"
                 f"{res['precision']:>8.3f}{res['recall']:>7.3f}")
    return "\n".join(lines)


def evaluate_path(weights, data, imgsz=640, batch=16, workers=4, device="auto", conf=0.001, iou=0.7,
                  max_det=300, max_images=None, conf_pr=0.25):
    dev = select_device(device)
    if dev.type == "cuda":  # plain fp32 so PyTorch and ONNX Runtime results are comparable
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cuda.matmul.allow_tf32 = False
    cfg = load_data_config(data)
    names = cfg["names"]
    if str(weights).endswith(".onnx"):
        runner = OnnxRunner(str(weights), dev)
        if runner.names:
            names = [runner.names[k] for k in sorted(runner.names)]
        fmt = "onnx"
    else:
        model, _ = load_checkpoint_model(weights, dev)
        runner, fmt = TorchRunner(model, dev), "pytorch"
    res = run_evaluation(runner, cfg["val"], names, imgsz, batch, workers, conf, iou, max_det, max_images, dev,
                         conf_pr)
    res.update({"weights": os.path.basename(str(weights)), "format": fmt})
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", required=True, help=".pt checkpoint (EMA weights used) or .onnx file")
    ap.add_argument("--data", required=True, help="dataset folder or its data.yaml")
    ap.add_argument("--imgsz", type=int, default=640)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--device", default="auto")
    ap.add_argument("--conf", type=float, default=0.001)
    ap.add_argument("--iou", type=float, default=0.7, help="NMS IoU")
    ap.add_argument("--max-det", type=int, default=300)
    ap.add_argument("--conf-pr", type=float, default=0.25, help="confidence for the precision/recall figures")
    ap.add_argument("--max-images", type=int, default=None)
    ap.add_argument("--json", default=None, help="write the summary here")
    a = ap.parse_args(argv)
    res = evaluate_path(a.weights, a.data, a.imgsz, a.batch, a.workers, a.device, a.conf, a.iou, a.max_det,
                        a.max_images, a.conf_pr)
    print(f"{res['format']} {res['weights']} imgsz {a.imgsz}: {res['images']} images")
    print(format_table(res))
    if a.json:
        os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
        with open(a.json, "w") as f:
            json.dump(res, f, indent=2)
    return res


if __name__ == "__main__":
    main()

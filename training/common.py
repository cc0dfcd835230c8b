"""Shared helpers: dataset config, letterbox, box maths, anchors, seeding, FLOP counting, compact tensors.

Works with PyTorch 1.13 (Debian CPU build used for smoke tests) and PyTorch 2.x (GPU machine).
"""
import ast
import math
import os
import random
from pathlib import Path

import cv2
import numpy as np
import torch
import torch.nn as nn

IMG_EXTS = (".jpg", ".jpeg", ".png", ".bmp", ".webp")
DEFAULT_NAMES = ["helmet", "no_helmet", "no_vest", "vest"]


# --------------------------------------------------------------------------- dataset config
def _parse_scalar(text):
    text = text.strip()
    if not text:
        return None
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text.strip("'\"")


def parse_simple_yaml(text):
    """Parse the tiny subset of YAML used by YOLO data files (top-level `key: value`,
    inline lists/dicts, and one level of indented `idx: name` or `- name` entries).
    No PyYAML needed."""
    out, current = {}, None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        indented = line[0] in " \t"
        s = line.strip()
        if indented and current is not None:
            if s.startswith("- "):
                if not isinstance(out[current], list):
                    out[current] = []
                out[current].append(_parse_scalar(s[2:]))
            elif ":" in s:
                k, v = s.split(":", 1)
                if not isinstance(out[current], dict):
                    out[current] = {}
                out[current][_parse_scalar(k)] = _parse_scalar(v)
            continue
        if ":" not in s:
            continue
        k, v = s.split(":", 1)
        k = k.strip()
        val = _parse_scalar(v)
        out[k] = val
        current = k if val is None else None
    return out


def load_data_config(data):
    """`data` is a dataset folder (holding data.yaml, or train/ and val/) or a data.yaml file.
    Returns dict(root, train, val, names) with absolute image folders."""
    p = Path(data)
    cfg = {}
    if p.is_dir():
        for n in ("data.yaml", "data.yml"):
            if (p / n).is_file():
                cfg = parse_simple_yaml((p / n).read_text(encoding="utf-8"))
                break
        base = p
    elif p.is_file():
        cfg = parse_simple_yaml(p.read_text(encoding="utf-8"))
        base = p.parent
    else:
        raise FileNotFoundError(f"dataset not found: {data}")
    root = Path(cfg["path"]) if cfg.get("path") else base
    if not root.is_absolute():
        root = (base / root).resolve()

    def split_dir(key):
        d = cfg.get(key) or f"{key}/images"
        d = Path(d) if Path(d).is_absolute() else root / d
        if not d.exists() and (root / key).is_dir():
            d = root / key
        if (d / "images").is_dir():  # `train: train` style
            d = d / "images"
        return d

    names = cfg.get("names")
    if isinstance(names, dict):
        names = [names[k] for k in sorted(names)]
    if not names:
        nc = int(cfg.get("nc", len(DEFAULT_NAMES)))
        names = DEFAULT_NAMES[:nc] if nc <= len(DEFAULT_NAMES) else [f"class{i}" for i in range(nc)]
    names = [str(n) for n in names]
    return {"root": str(root), "train": str(split_dir("train")), "val": str(split_dir("val")), "names": names}


def img2label_path(img_path):
    """.../images/x.jpg -> .../labels/x.txt (YOLO convention)."""
    p = str(img_path)
    sa, sb = f"{os.sep}images{os.sep}", f"{os.sep}labels{os.sep}"
    if sa in p:
        p = sb.join(p.rsplit(sa, 1))
    return os.path.splitext(p)[0] + ".txt"


def list_images(folder):
    folder = Path(folder)
    return sorted(str(f) for f in folder.rglob("*") if f.suffix.lower() in IMG_EXTS)


def read_labels(label_path, nc=None):
    """Returns float32 array (n, 5): cls, cx, cy, w, h (normalised). Polygons -> bounding box."""
    rows = []
    if os.path.isfile(label_path):
        with open(label_path, encoding="utf-8") as f:
            for line in f:
                v = line.split()
                if len(v) < 5:
                    continue
                c, vals = float(v[0]), [float(x) for x in v[1:]]
                if len(vals) > 4:  # polygon
                    xs, ys = vals[0::2], vals[1::2]
                    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
                    vals = [(x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0]
                if nc is not None and not 0 <= int(c) < nc:
                    continue
                rows.append([c] + vals[:4])
    a = np.array(rows, dtype=np.float32).reshape(-1, 5)
    if len(a):
        # clip to the image
        xyxy = np.clip(xywh2xyxy(a[:, 1:5]), 0.0, 1.0)
        a[:, 1:5] = xyxy2xywh(xyxy)
        a = a[(a[:, 3] > 0) & (a[:, 4] > 0)]
    return a


# --------------------------------------------------------------------------- geometry
def xywh2xyxy(x):
    y = x.clone() if isinstance(x, torch.Tensor) else np.copy(x)
    y[..., 0] = x[..., 0] - x[..., 2] / 2
    y[..., 1] = x[..., 1] - x[..., 3] / 2
    y[..., 2] = x[..., 0] + x[..., 2] / 2
    y[..., 3] = x[..., 1] + x[..., 3] / 2
    return y


def xyxy2xywh(x):
    y = x.clone() if isinstance(x, torch.Tensor) else np.copy(x)
    y[..., 0] = (x[..., 0] + x[..., 2]) / 2
    y[..., 1] = (x[..., 1] + x[..., 3]) / 2
    y[..., 2] = x[..., 2] - x[..., 0]
    y[..., 3] = x[..., 3] - x[..., 1]
    return y


def letterbox(img, new_shape=(640, 640), color=(114, 114, 114), scaleup=True):
    """Ultralytics LetterBox (auto=False, center=True): keep aspect, fit, centre, pad grey.
    Returns (image, ratio, (pad_w, pad_h)) where ratio and pads map original -> letterboxed pixels."""
    if isinstance(new_shape, int):
        new_shape = (new_shape, new_shape)
    h, w = img.shape[:2]
    r = min(new_shape[0] / h, new_shape[1] / w)
    if not scaleup:
        r = min(r, 1.0)
    new_unpad = (int(round(w * r)), int(round(h * r)))
    dw, dh = (new_shape[1] - new_unpad[0]) / 2, (new_shape[0] - new_unpad[1]) / 2
    if (w, h) != new_unpad:
        img = cv2.resize(img, new_unpad, interpolation=cv2.INTER_LINEAR)
    top, bottom = int(round(dh - 0.1)), int(round(dh + 0.1))
    left, right = int(round(dw - 0.1)), int(round(dw + 0.1))
    img = cv2.copyMakeBorder(img, top, bottom, left, right, cv2.BORDER_CONSTANT, value=color)
    return img, r, (left, top)


def unletterbox_boxes(boxes, ratio, pad, orig_shape):
    """Map xyxy boxes from letterboxed pixels back to the original image (h, w) and clip."""
    boxes = boxes.clone() if isinstance(boxes, torch.Tensor) else np.array(boxes, dtype=np.float32, copy=True)
    boxes[..., [0, 2]] = (boxes[..., [0, 2]] - pad[0]) / ratio
    boxes[..., [1, 3]] = (boxes[..., [1, 3]] - pad[1]) / ratio
    h, w = orig_shape[:2]
    if isinstance(boxes, torch.Tensor):
        boxes[..., [0, 2]] = boxes[..., [0, 2]].clamp(0, w)
        boxes[..., [1, 3]] = boxes[..., [1, 3]].clamp(0, h)
    else:
        boxes[..., [0, 2]] = boxes[..., [0, 2]].clip(0, w)
        boxes[..., [1, 3]] = boxes[..., [1, 3]].clip(0, h)
    return boxes


def make_anchors(feats, strides, offset=0.5):
    """Anchor centres (in grid units) and stride per anchor for a list of feature maps."""
    points, stride_t = [], []
    dtype, device = feats[0].dtype, feats[0].device
    for f, s in zip(feats, strides):
        h, w = f.shape[2], f.shape[3]
        sx = torch.arange(end=w, device=device, dtype=dtype) + offset
        sy = torch.arange(end=h, device=device, dtype=dtype) + offset
        yy, xx = torch.meshgrid(sy, sx, indexing="ij")
        points.append(torch.stack((xx, yy), -1).view(-1, 2))
        stride_t.append(torch.full((h * w, 1), float(s), dtype=dtype, device=device))
    return torch.cat(points), torch.cat(stride_t)


def dist2bbox(distance, anchor_points, xywh=True, dim=-1):
    lt, rb = distance.chunk(2, dim)
    x1y1 = anchor_points - lt
    x2y2 = anchor_points + rb
    if xywh:
        return torch.cat(((x1y1 + x2y2) / 2, x2y2 - x1y1), dim)
    return torch.cat((x1y1, x2y2), dim)


def bbox2dist(anchor_points, bbox, reg_max):
    """xyxy boxes -> (l, t, r, b) distances clamped to [0, reg_max - 0.01]."""
    x1y1, x2y2 = bbox.chunk(2, -1)
    return torch.cat((anchor_points - x1y1, x2y2 - anchor_points), -1).clamp_(0, reg_max - 0.01)


def box_iou(a, b, eps=1e-7):
    """Pairwise IoU of xyxy boxes: numpy (n,4) x (m,4) -> (n,m)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.clip(rb - lt, 0, None).prod(2)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / (area_a[:, None] + area_b[None, :] - inter + eps)


def bbox_ciou(box1, box2, eps=1e-7):
    """Element-wise CIoU of xyxy boxes (torch, (..., 4))."""
    b1_x1, b1_y1, b1_x2, b1_y2 = box1.chunk(4, -1)
    b2_x1, b2_y1, b2_x2, b2_y2 = box2.chunk(4, -1)
    w1, h1 = b1_x2 - b1_x1, (b1_y2 - b1_y1).clamp(min=eps)
    w2, h2 = b2_x2 - b2_x1, (b2_y2 - b2_y1).clamp(min=eps)
    inter = (b1_x2.minimum(b2_x2) - b1_x1.maximum(b2_x1)).clamp(min=0) * (
        b1_y2.minimum(b2_y2) - b1_y1.maximum(b2_y1)
    ).clamp(min=0)
    union = w1 * h1 + w2 * h2 - inter + eps
    iou = inter / union
    cw = b1_x2.maximum(b2_x2) - b1_x1.minimum(b2_x1)
    ch = b1_y2.maximum(b2_y2) - b1_y1.minimum(b2_y1)
    c2 = cw.pow(2) + ch.pow(2) + eps
    rho2 = ((b2_x1 + b2_x2 - b1_x1 - b1_x2).pow(2) + (b2_y1 + b2_y2 - b1_y1 - b1_y2).pow(2)) / 4
    v = (4 / math.pi**2) * ((w2 / h2).atan() - (w1 / h1).atan()).pow(2)
    with torch.no_grad():
        alpha = v / (v - iou + (1 + eps))
    return iou - (rho2 / c2 + v * alpha)


# --------------------------------------------------------------------------- reproducibility
def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def get_rng_state():
    s = {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        s["cuda"] = torch.cuda.get_rng_state_all()
    return s


def set_rng_state(s):
    if not s:
        return
    random.setstate(s["python"])
    np.random.set_state(s["numpy"])
    torch.set_rng_state(s["torch"])
    if "cuda" in s and torch.cuda.is_available():
        try:
            torch.cuda.set_rng_state_all(s["cuda"])
        except RuntimeError:
            pass


# --------------------------------------------------------------------------- model statistics
def count_params(model):
    return sum(p.numel() for p in model.parameters())


@torch.no_grad()
def count_macs(model, imgsz=640):
    """Multiply-accumulates of one forward pass at imgsz x imgsz, counted with hooks on Conv2d/Linear.
    GFLOPs (Ultralytics convention) = 2 * MACs / 1e9."""
    total = [0]

    def conv_hook(m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1] * (m.in_channels // m.groups)
        total[0] += out.numel() // out.shape[0] * k

    def lin_hook(m, inp, out):
        total[0] += out.numel() // out.shape[0] * m.in_features

    hooks = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(lin_hook))
    was_training = model.training
    model.eval()
    p = next(model.parameters())
    model(torch.zeros(1, 3, imgsz, imgsz, device=p.device, dtype=p.dtype))
    model.train(was_training)
    for h in hooks:
        h.remove()
    return total[0]


def model_summary(model, imgsz=640):
    macs = count_macs(model, imgsz)
    return {"params": count_params(model), "gmacs": macs / 1e9, "gflops": 2 * macs / 1e9, "imgsz": imgsz}


# --------------------------------------------------------------------------- compact checkpoint tensors
def half_state_dict(sd):
    """Float tensors -> fp16 (fp32 kept where fp16 would overflow)."""
    out = {}
    for k, v in sd.items():
        if v.is_floating_point():
            v = v.detach().float().cpu()
            fits = v.numel() == 0 or v.abs().max().item() < 6.0e4
            out[k] = v.half() if fits else v
        else:
            out[k] = v.detach().cpu()
    return out


def float_state_dict(sd):
    return {k: (v.float() if v.is_floating_point() else v) for k, v in sd.items()}


_LOG8_RANGE = 48.0  # log2 dynamic range kept per tensor


def pack_log8(x):
    """Lossy one-byte-per-value log-domain code for an AdamW moment tensor (keeps last.pt < 16 MB).
    Code 0 = exact zero. Non-negative tensors (exp_avg_sq) use uint8 codes 1..255, signed ones (exp_avg)
    int8 codes +-1..127, spread over log2|x| in [max(min, hi - 48), hi]: relative error <= ~7% (uint8)
    or <= ~14% (int8) at the full 48-octave span, less for narrower spans. Tiny values clamp up to lo."""
    x = x.detach().float().cpu()
    mag = x.abs()
    nz = mag > 0
    signed = bool((x < 0).any())
    if not nz.any():
        return {"code": torch.zeros(x.shape, dtype=torch.uint8), "signed": False}
    levels = 126 if signed else 254
    lg = torch.log2(mag.clamp(min=1e-38))
    hi = lg[nz].max().item()
    lo = max(lg[nz].min().item(), hi - _LOG8_RANGE)
    span = max(hi - lo, 1e-6)
    q = torch.round((lg.clamp(lo, hi) - lo) / span * levels).to(torch.int16) + 1
    q = torch.where(nz, q, torch.zeros_like(q))
    if signed:
        q = q * (1 - 2 * (x < 0).to(torch.int16))
    return {"code": q.to(torch.int8 if signed else torch.uint8), "signed": signed, "lo": lo, "hi": hi}


def unpack_log8(p):
    code = p["code"].to(torch.int16)
    if "lo" not in p:
        return torch.zeros(code.shape)
    levels = 126 if p["signed"] else 254
    span = max(p["hi"] - p["lo"], 1e-6)
    mag = torch.pow(2.0, (code.abs().float() - 1) / levels * span + p["lo"])
    return torch.where(code == 0, torch.zeros_like(mag), mag * code.sign().float())


def pack_optimizer_state(sd):
    """AdamW state_dict with exp_avg / exp_avg_sq packed to 8 bits (other entries untouched)."""
    state = {}
    for idx, st in sd["state"].items():
        s2 = {}
        for k, v in st.items():
            if k in ("exp_avg", "exp_avg_sq") and torch.is_tensor(v):
                s2[k] = {"log8": pack_log8(v), "shape": tuple(v.shape)}
            elif torch.is_tensor(v):
                s2[k] = v.detach().cpu()
            else:
                s2[k] = v
        state[idx] = s2
    return {"state": state, "param_groups": sd["param_groups"]}


def unpack_optimizer_state(sd):
    state = {}
    for idx, st in sd["state"].items():
        s2 = {}
        for k, v in st.items():
            s2[k] = unpack_log8(v["log8"]).view(v["shape"]) if isinstance(v, dict) and "log8" in v else v
        state[idx] = s2
    return {"state": state, "param_groups": sd["param_groups"]}


def select_device(name="auto"):
    if name in (None, "", "auto"):
        return torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    if name.isdigit():
        return torch.device(f"cuda:{name}")
    return torch.device(name)


def load_ckpt(path):
    """torch.load that also reads our checkpoints (RNG states, dicts) on PyTorch >= 2.6 (weights_only default)."""
    try:
        return torch.load(path, map_location="cpu", weights_only=False)
    except TypeError:  # very old torch without weights_only
        return torch.load(path, map_location="cpu")


def save_atomic(obj, path):
    tmp = f"{path}.tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def class_counts_str(counts, names):
    return ", ".join(f"{n} {int(round(c))}" for n, c in zip(names, counts))

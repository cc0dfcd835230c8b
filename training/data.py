"""YOLO-format datasets and augmentation: mosaic, random affine, HSV, flip, copy-paste of rare-class crops,
class-balanced image sampling, optional RAM cache, and a letterboxed validation set.

Augmentation randomness comes from numpy Generators seeded by (seed, epoch, index), passed to the workers
through the sampler, so a run resumed from a checkpoint sees the same images and augmentations and the result
does not depend on the number of workers.
"""
import math
import os
from concurrent.futures import ThreadPoolExecutor

import cv2
import numpy as np
import torch
from torch.utils.data import Dataset, Sampler

from common import img2label_path, letterbox, list_images, read_labels, xywh2xyxy, xyxy2xywh

DEFAULT_HYP = {
    "hsv_h": 0.015, "hsv_s": 0.7, "hsv_v": 0.4,
    "degrees": 0.0, "translate": 0.1, "scale": 0.5, "shear": 0.0,
    "fliplr": 0.5, "mosaic": 1.0, "copy_paste": 0.0,
}


def _imread(path):
    im = cv2.imread(path, cv2.IMREAD_COLOR)
    if im is None:
        raise FileNotFoundError(f"cannot read image {path}")
    return im


def _threads():
    return max(1, min(16, os.cpu_count() or 1))


class YoloDataset(Dataset):
    """Training set. Index with (index, epoch, use_mosaic) tuples from EpochSampler."""

    def __init__(self, img_dir, imgsz=640, nc=4, hyp=None, cache_ram=False, max_images=None, seed=0,
                 sample_weights=None):
        self.imgsz, self.nc, self.seed = imgsz, nc, seed
        self.hyp = dict(DEFAULT_HYP, **(hyp or {}))
        self.files = list_images(img_dir)
        if max_images:
            self.files = self.files[:max_images]
        if not self.files:
            raise FileNotFoundError(f"no images in {img_dir}")
        self.labels = [read_labels(img2label_path(f), nc) for f in self.files]
        self.sample_weights = sample_weights
        self.cache = None
        if cache_ram:
            with ThreadPoolExecutor(_threads()) as ex:
                self.cache = list(ex.map(self._load_resized, range(len(self.files))))
            mb = sum(c.nbytes for c in self.cache) / 2**20
            print(f"cached {len(self.cache)} images in RAM ({mb:.0f} MiB)")
        self.bank = []  # (cls, crop) pairs for copy-paste, filled by build_paste_bank()

    def __len__(self):
        return len(self.files)

    # ------------------------------------------------------------------ loading
    def _load_resized(self, i):
        """Image resized so its longer side is imgsz (BGR uint8)."""
        im = _imread(self.files[i])
        h0, w0 = im.shape[:2]
        r = self.imgsz / max(h0, w0)
        if r != 1:
            im = cv2.resize(im, (max(1, round(w0 * r)), max(1, round(h0 * r))), interpolation=cv2.INTER_LINEAR)
        return im

    def load_image(self, i):
        return self.cache[i] if self.cache is not None else self._load_resized(i)

    def pixel_labels(self, i, w, h, padw=0, padh=0):
        """(n, 5) cls, x1, y1, x2, y2 in pixels of an image of size (w, h) placed at (padw, padh)."""
        lb = self.labels[i]
        out = np.zeros((len(lb), 5), dtype=np.float32)
        if len(lb):
            out[:, 0] = lb[:, 0]
            xyxy = xywh2xyxy(lb[:, 1:5])
            out[:, [1, 3]] = xyxy[:, [0, 2]] * w + padw
            out[:, [2, 4]] = xyxy[:, [1, 3]] * h + padh
        return out

    def build_paste_bank(self, classes, max_per_class=1500):
        """Crops of labelled objects of the given (rare) classes, at the training scale."""
        classes = set(int(c) for c in classes)
        rng = np.random.default_rng(self.seed)
        per_class = {c: [] for c in classes}
        for i, lb in enumerate(self.labels):
            for j, row in enumerate(lb):
                if int(row[0]) in classes:
                    per_class[int(row[0])].append((i, j))
        wanted = {}
        for c, items in per_class.items():
            if len(items) > max_per_class:
                items = [items[k] for k in rng.choice(len(items), max_per_class, replace=False)]
            for i, j in items:
                wanted.setdefault(i, []).append(j)

        def crops(i):
            im = self.load_image(i)
            h, w = im.shape[:2]
            out = []
            for j in wanted[i]:
                c, x1, y1, x2, y2 = self.pixel_labels(i, w, h)[j]
                x1, y1, x2, y2 = int(round(x1)), int(round(y1)), int(round(x2)), int(round(y2))
                if x2 - x1 < 6 or y2 - y1 < 6 or (x2 - x1) * (y2 - y1) > 0.5 * w * h:
                    continue
                out.append((int(c), im[y1:y2, x1:x2].copy()))
            return out

        with ThreadPoolExecutor(_threads()) as ex:
            bank = [c for lst in ex.map(crops, sorted(wanted)) for c in lst]
        counts = {c: sum(1 for k, _ in bank if k == c) for c in sorted(classes)}
        print(f"copy-paste bank: {counts} crops")
        self.bank = bank
        self.bank_by_class = {c: [k for k, (cc, _) in enumerate(bank) if cc == c] for c in sorted(classes)}
        self.bank_by_class = {c: v for c, v in self.bank_by_class.items() if v}

    # ------------------------------------------------------------------ item
    def __getitem__(self, item):
        index, epoch, use_mosaic = item if isinstance(item, tuple) else (item, 0, True)
        rng = np.random.default_rng([self.seed, epoch, index])
        s = self.imgsz
        if use_mosaic and rng.random() < self.hyp["mosaic"]:
            img, labels = self.mosaic4(index, rng)
            paste_p = self.hyp["copy_paste"]
            border = -s // 2
        else:
            im = self.load_image(index)
            h, w = im.shape[:2]
            img, r, (pw, ph) = letterbox(im, (s, s), scaleup=False)
            labels = self.pixel_labels(index, w * r, h * r, pw, ph)
            paste_p = self.hyp["copy_paste"] if use_mosaic else 0.0  # copy-paste off with mosaic (close-mosaic)
            border = 0
        if self.bank and rng.random() < paste_p:
            # mosaic: paste inside the central s x s window that the affine crop keeps (roughly)
            region = (s // 2, s // 2, s + s // 2, s + s // 2) if border else None
            img, labels = self.paste_objects(img, labels, rng, region)
        img, labels = random_affine(img, labels, rng, border, self.hyp)
        augment_hsv(img, rng, self.hyp["hsv_h"], self.hyp["hsv_s"], self.hyp["hsv_v"])
        h, w = img.shape[:2]
        if rng.random() < self.hyp["fliplr"]:
            img = np.ascontiguousarray(img[:, ::-1])
            if len(labels):
                labels[:, [1, 3]] = w - labels[:, [3, 1]]
        out = torch.zeros((len(labels), 6))
        if len(labels):
            xywh = xyxy2xywh(labels[:, 1:5])
            xywh[:, [0, 2]] /= w
            xywh[:, [1, 3]] /= h
            out[:, 1] = torch.from_numpy(labels[:, 0])
            out[:, 2:] = torch.from_numpy(xywh)
        img = np.ascontiguousarray(img[:, :, ::-1].transpose(2, 0, 1))  # BGR HWC -> RGB CHW
        return torch.from_numpy(img), out

    def mosaic4(self, index, rng):
        s = self.imgsz
        yc, xc = (int(rng.uniform(s * 0.5, s * 1.5)) for _ in range(2))
        n = len(self.files)
        if self.sample_weights is not None:
            others = rng.choice(n, 3, p=self.sample_weights)
        else:
            others = rng.integers(0, n, 3)
        img4 = np.full((s * 2, s * 2, 3), 114, dtype=np.uint8)
        all_labels = []
        for k, i in enumerate([index] + [int(o) for o in others]):
            im = self.load_image(i)
            h, w = im.shape[:2]
            if k == 0:  # top left
                x1a, y1a, x2a, y2a = max(xc - w, 0), max(yc - h, 0), xc, yc
                x1b, y1b, x2b, y2b = w - (x2a - x1a), h - (y2a - y1a), w, h
            elif k == 1:  # top right
                x1a, y1a, x2a, y2a = xc, max(yc - h, 0), min(xc + w, s * 2), yc
                x1b, y1b, x2b, y2b = 0, h - (y2a - y1a), min(w, x2a - x1a), h
            elif k == 2:  # bottom left
                x1a, y1a, x2a, y2a = max(xc - w, 0), yc, xc, min(s * 2, yc + h)
                x1b, y1b, x2b, y2b = w - (x2a - x1a), 0, w, min(y2a - y1a, h)
            else:  # bottom right
                x1a, y1a, x2a, y2a = xc, yc, min(xc + w, s * 2), min(s * 2, yc + h)
                x1b, y1b, x2b, y2b = 0, 0, min(w, x2a - x1a), min(y2a - y1a, h)
            img4[y1a:y2a, x1a:x2a] = im[y1b:y2b, x1b:x2b]
            all_labels.append(self.pixel_labels(i, w, h, x1a - x1b, y1a - y1b))
        labels = np.concatenate(all_labels, 0)
        labels[:, 1:5] = labels[:, 1:5].clip(0, 2 * s)
        return img4, labels

    def paste_objects(self, img, labels, rng, region=None, max_objects=3):
        """Paste 1..max_objects rare-class crops with feathered edges inside region (x0, y0, x1, y1; default the
        whole image) where they overlap little with existing objects (intersection over the pasted box < 0.3).
        Existing boxes that a paste hides for more than 70 % are dropped."""
        rx0, ry0, rx1, ry1 = region or (0, 0, img.shape[1], img.shape[0])
        H, W = ry1 - ry0, rx1 - rx0
        by_class = self.bank_by_class
        classes = sorted(by_class)
        new = []
        for _ in range(int(rng.integers(1, max_objects + 1))):
            c = classes[int(rng.integers(len(classes)))]
            crop = self.bank[by_class[c][int(rng.integers(len(by_class[c])))]][1]
            sc = rng.uniform(0.8, 1.25)
            ch, cw = max(4, int(crop.shape[0] * sc)), max(4, int(crop.shape[1] * sc))
            if ch >= H or cw >= W:
                continue
            crop = cv2.resize(crop, (cw, ch), interpolation=cv2.INTER_LINEAR)
            if rng.random() < 0.5:
                crop = crop[:, ::-1]
            for _try in range(10):
                x1, y1 = rx0 + int(rng.integers(0, W - cw)), ry0 + int(rng.integers(0, H - ch))
                box = np.array([x1, y1, x1 + cw, y1 + ch], dtype=np.float32)
                existing = np.concatenate([labels[:, 1:5], np.array([n[1:5] for n in new]).reshape(-1, 4)], 0)
                if not len(existing) or _ioa(box, existing).max() < 0.3:
                    break
            else:
                continue
            alpha = _feather_mask(ch, cw)
            roi = img[y1:y1 + ch, x1:x1 + cw].astype(np.float32)
            img[y1:y1 + ch, x1:x1 + cw] = (alpha * crop + (1 - alpha) * roi).astype(np.uint8)
            # drop old boxes now mostly hidden by the paste
            if len(labels):
                labels = labels[_ioa_rev(box, labels[:, 1:5]) < 0.7]
            new = [n for n in new if _ioa_rev(box, np.array([n[1:5]]))[0] < 0.7]
            new.append([c, *box])
        if new:
            labels = np.concatenate([labels, np.array(new, dtype=np.float32)], 0)
        return img, labels


def _ioa(box, boxes):
    """Intersection of each of `boxes` with `box`, over the area of `box`."""
    ix = np.clip(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0, None)
    iy = np.clip(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0, None)
    return ix * iy / max((box[2] - box[0]) * (box[3] - box[1]), 1e-6)


def _ioa_rev(box, boxes):
    """Intersection of each of `boxes` with `box`, over the area of each of `boxes`."""
    ix = np.clip(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0, None)
    iy = np.clip(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0, None)
    return ix * iy / np.maximum((boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]), 1e-6)


def _feather_mask(h, w, frac=0.12):
    ry = np.minimum(np.arange(h) + 0.5, h - np.arange(h) - 0.5) / max(1.0, h * frac)
    rx = np.minimum(np.arange(w) + 0.5, w - np.arange(w) - 0.5) / max(1.0, w * frac)
    return np.clip(np.minimum(ry[:, None], rx[None, :]), 0, 1)[:, :, None].astype(np.float32)


def random_affine(img, labels, rng, border, hyp):
    """Ultralytics-style random scale/translate (+ optional rotation/shear). border < 0 crops a mosaic canvas
    of 2s x 2s to s x s. labels: (n, 5) cls, x1, y1, x2, y2 pixels."""
    height, width = img.shape[0] + border * 2, img.shape[1] + border * 2
    C = np.eye(3)
    C[0, 2], C[1, 2] = -img.shape[1] / 2, -img.shape[0] / 2
    R = np.eye(3)
    a = rng.uniform(-hyp["degrees"], hyp["degrees"])
    s = rng.uniform(1 - hyp["scale"], 1 + hyp["scale"])
    R[:2] = cv2.getRotationMatrix2D(angle=a, center=(0, 0), scale=s)
    S = np.eye(3)
    S[0, 1] = math.tan(rng.uniform(-hyp["shear"], hyp["shear"]) * math.pi / 180)
    S[1, 0] = math.tan(rng.uniform(-hyp["shear"], hyp["shear"]) * math.pi / 180)
    T = np.eye(3)
    T[0, 2] = rng.uniform(0.5 - hyp["translate"], 0.5 + hyp["translate"]) * width
    T[1, 2] = rng.uniform(0.5 - hyp["translate"], 0.5 + hyp["translate"]) * height
    M = T @ S @ R @ C
    img = cv2.warpAffine(img, M[:2], dsize=(width, height), borderValue=(114, 114, 114))
    n = len(labels)
    if n:
        xy = np.ones((n * 4, 3))
        xy[:, :2] = labels[:, [1, 2, 3, 4, 1, 4, 3, 2]].reshape(n * 4, 2)  # corners
        xy = (xy @ M.T)[:, :2].reshape(n, 8)
        x, y = xy[:, [0, 2, 4, 6]], xy[:, [1, 3, 5, 7]]
        new = np.stack([x.min(1), y.min(1), x.max(1), y.max(1)], 1)
        new[:, [0, 2]] = new[:, [0, 2]].clip(0, width)
        new[:, [1, 3]] = new[:, [1, 3]].clip(0, height)
        keep = box_candidates(labels[:, 1:5].T * s, new.T)
        labels = np.concatenate([labels[keep, :1], new[keep]], 1).astype(np.float32)
    return img, labels


def box_candidates(box1, box2, wh_thr=2, ar_thr=100, area_thr=0.1, eps=1e-16):
    w1, h1 = box1[2] - box1[0], box1[3] - box1[1]
    w2, h2 = box2[2] - box2[0], box2[3] - box2[1]
    ar = np.maximum(w2 / (h2 + eps), h2 / (w2 + eps))
    return (w2 > wh_thr) & (h2 > wh_thr) & (w2 * h2 / (w1 * h1 + eps) > area_thr) & (ar < ar_thr)


def augment_hsv(img, rng, hgain, sgain, vgain):
    if not (hgain or sgain or vgain):
        return
    r = rng.uniform(-1, 1, 3) * [hgain, sgain, vgain] + 1
    hue, sat, val = cv2.split(cv2.cvtColor(img, cv2.COLOR_BGR2HSV))
    x = np.arange(0, 256, dtype=r.dtype)
    lut_hue = ((x * r[0]) % 180).astype(np.uint8)
    lut_sat = np.clip(x * r[1], 0, 255).astype(np.uint8)
    lut_val = np.clip(x * r[2], 0, 255).astype(np.uint8)
    im_hsv = cv2.merge((cv2.LUT(hue, lut_hue), cv2.LUT(sat, lut_sat), cv2.LUT(val, lut_val)))
    cv2.cvtColor(im_hsv, cv2.COLOR_HSV2BGR, dst=img)


def collate_train(batch):
    imgs, labels = zip(*batch)
    for i, lb in enumerate(labels):
        lb[:, 0] = i
    return torch.stack(imgs, 0), torch.cat(labels, 0)


def class_counts(labels, nc):
    counts = np.zeros(nc, dtype=np.int64)
    for lb in labels:
        if len(lb):
            counts += np.bincount(lb[:, 0].astype(int), minlength=nc)[:nc]
    return counts


def balanced_image_weights(labels, nc, power=0.5):
    """Per-image sampling probability: each image weighs the rarest class it holds,
    class weight = (max_count / count) ** power (1.0 for images without boxes)."""
    counts = np.maximum(class_counts(labels, nc), 1)
    cw = (counts.max() / counts) ** power
    w = np.array([cw[lb[:, 0].astype(int)].max() if len(lb) else 1.0 for lb in labels], dtype=np.float64)
    return w / w.sum()


class EpochSampler(Sampler):
    """Yields (index, epoch, use_mosaic). Order is a function of (seed, epoch) only: uniform permutation,
    or weighted draws with replacement when `weights` is given (class-balanced sampling)."""

    def __init__(self, n, seed=0, weights=None):
        self.n, self.seed, self.weights = n, seed, weights
        self.epoch, self.mosaic = 0, True

    def set_epoch(self, epoch, mosaic=True):
        self.epoch, self.mosaic = epoch, mosaic

    def __iter__(self):
        rng = np.random.default_rng([self.seed, 7919, self.epoch])
        if self.weights is None:
            order = rng.permutation(self.n)
        else:
            order = rng.choice(self.n, self.n, replace=True, p=self.weights)
        return iter([(int(i), self.epoch, self.mosaic) for i in order])

    def __len__(self):
        return self.n


def worker_init(worker_id):
    cv2.setNumThreads(0)
    seed = torch.initial_seed() % 2**32
    np.random.seed(seed)


class LetterboxDataset(Dataset):
    """Validation images letterboxed to imgsz x imgsz, with labels in original pixels (cls, x1, y1, x2, y2)."""

    def __init__(self, img_dir, imgsz=640, nc=4, max_images=None):
        self.imgsz, self.nc = imgsz, nc
        self.files = list_images(img_dir)
        if max_images:
            self.files = self.files[:max_images]
        if not self.files:
            raise FileNotFoundError(f"no images in {img_dir}")

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        im0 = _imread(self.files[i])
        h, w = im0.shape[:2]
        img, r, pad = letterbox(im0, (self.imgsz, self.imgsz))
        lb = read_labels(img2label_path(self.files[i]), self.nc)
        gt = np.zeros((len(lb), 5), dtype=np.float32)
        if len(lb):
            gt[:, 0] = lb[:, 0]
            xyxy = xywh2xyxy(lb[:, 1:5])
            gt[:, [1, 3]] = xyxy[:, [0, 2]] * w
            gt[:, [2, 4]] = xyxy[:, [1, 3]] * h
        img = np.ascontiguousarray(img[:, :, ::-1].transpose(2, 0, 1))
        return torch.from_numpy(img), gt, (h, w), r, pad, self.files[i]


def collate_val(batch):
    imgs, gts, shapes, ratios, pads, files = zip(*batch)
    return torch.stack(imgs, 0), list(gts), list(shapes), list(ratios), list(pads), list(files)

"""Train the PPE detector from scratch (YOLOv8-style recipe), resumable in time-boxed chunks.

    python training/train.py --data training/data/ppe --name ppe --epochs 120 --time-budget-min 8
    python training/train.py --resume training/runs/ppe/last.pt --time-budget-min 8   # next chunk

Each epoch writes <run>/last.pt (model + EMA in fp16, AdamW moments packed to 8 bits, RNG states, epoch);
the best EMA weights by validation fitness (0.1 mAP50 + 0.9 mAP50-95) go to <run>/best.pt.
With --time-budget-min the run stops after the epoch that would otherwise overrun the budget;
the exit status is 0 in both cases and <run>/status.json says "finished" or "paused".
"""
import argparse
import csv
import json
import math
import os
import sys
import time
from copy import deepcopy
from datetime import datetime, timezone

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (class_counts_str, get_rng_state, half_state_dict, float_state_dict, load_ckpt,  # noqa: E402
                    load_data_config, model_summary, pack_optimizer_state, save_atomic, seed_everything,
                    select_device, set_rng_state, unpack_optimizer_state)
from data import (EpochSampler, YoloDataset, balanced_image_weights, class_counts, collate_train,  # noqa: E402
                  worker_init)
from evaluate import evaluate_model, format_table  # noqa: E402
from loss import DetectionLoss  # noqa: E402
from model import YOLO  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# options that may change when a run is resumed (everything else comes from the checkpoint)
RUNTIME_KEYS = ("time_budget_min", "workers", "device", "cache_ram", "val_workers")


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a = ap.add_argument
    a("--data", help="dataset folder (with data.yaml, or train/ and val/) or a data.yaml file")
    a("--resume", default=None, help="last.pt to continue from (its saved options are used)")
    a("--project", default=os.path.join(HERE, "runs"), help="parent folder of run folders")
    a("--name", default="ppe", help="run folder name")
    a("--exist-ok", action="store_true", help="start a fresh run in an existing run folder")
    a("--epochs", type=int, default=120)
    a("--close-mosaic", type=int, default=10, help="last N epochs without mosaic / copy-paste")
    a("--imgsz", type=int, default=640, help="train resolution (multiple of 32)")
    a("--val-imgsz", type=int, default=640, help="resolution of the validation during training")
    a("--batch", type=int, default=16)
    a("--nbs", type=int, default=64, help="nominal batch: gradients are accumulated up to this many images")
    a("--lr", type=float, default=None, help="AdamW lr (default 0.002*5/(4+nc) = 0.00125 for 4 classes)")
    a("--lrf", type=float, default=0.01, help="final lr fraction")
    a("--cos", action="store_true", help="cosine instead of linear lr decay")
    a("--momentum", type=float, default=0.9, help="AdamW beta1")
    a("--weight-decay", type=float, default=0.0005)
    a("--warmup-epochs", type=float, default=3.0)
    a("--warmup-bias-lr", type=float, default=0.0)
    a("--box", type=float, default=7.5)
    a("--cls", type=float, default=0.5)
    a("--dfl", type=float, default=1.5)
    a("--width", type=float, default=0.1875, help="channel multiplier (YOLOv8n: 0.25)")
    a("--depth", type=float, default=0.33, help="repeat multiplier")
    a("--max-channels", type=int, default=1024)
    a("--mosaic", type=float, default=1.0, help="mosaic probability")
    a("--degrees", type=float, default=0.0)
    a("--translate", type=float, default=0.1)
    a("--scale", type=float, default=0.5)
    a("--shear", type=float, default=0.0)
    a("--fliplr", type=float, default=0.5)
    a("--hsv-h", type=float, default=0.015)
    a("--hsv-s", type=float, default=0.7)
    a("--hsv-v", type=float, default=0.4)
    a("--copy-paste", type=float, default=0.0, help="probability to paste rare-class object crops into an image")
    a("--copy-paste-classes", default="auto",
      help="comma-separated class ids to paste, or 'auto' = classes with < half the boxes of the largest class")
    a("--balanced", action="store_true", help="class-balanced image sampling (weights images by rare classes)")
    a("--balance-power", type=float, default=0.5, help="class weight = (max_count / count) ** power")
    a("--ema-decay", type=float, default=0.9999)
    a("--ema-tau", type=float, default=2000.0)
    a("--amp", default="auto", choices=["auto", "bf16", "fp16", "off"], help="autocast dtype (auto: bf16 on CUDA)")
    a("--cache-ram", action="store_true", help="decode all training images once into RAM")
    a("--workers", type=int, default=-1, help="DataLoader workers (-1: auto)")
    a("--val-workers", type=int, default=4)
    a("--device", default="auto", help="auto, cpu, cuda, cuda:0, 0 ...")
    a("--seed", type=int, default=0)
    a("--val-interval", type=int, default=10, help="validate the EMA every N epochs (0: only at the end)")
    a("--val-last", type=int, default=5, help="also validate each of the last N epochs")
    a("--time-budget-min", type=float, default=None,
      help="stop cleanly after the epoch that would exceed this wall time (minutes, from process start)")
    a("--max-train-images", type=int, default=None, help="use only the first N training images (smoke tests)")
    a("--max-val-images", type=int, default=None)
    a("--compile", action="store_true", help="torch.compile the model (PyTorch 2.x)")
    return ap.parse_args(argv)


# --------------------------------------------------------------------------- helpers
class ModelEMA:
    """Exponential moving average of weights and buffers; decay ramps up as d * (1 - exp(-updates / tau))."""

    def __init__(self, model, decay=0.9999, tau=2000.0, updates=0):
        self.ema = deepcopy(model).eval()
        for p in self.ema.parameters():
            p.requires_grad_(False)
        self.decay, self.tau, self.updates = decay, tau, updates

    @torch.no_grad()
    def update(self, model):
        self.updates += 1
        d = self.decay * (1 - math.exp(-self.updates / self.tau))
        msd = model.state_dict()
        for k, v in self.ema.state_dict().items():
            if v.dtype.is_floating_point:
                v.mul_(d).add_(msd[k].detach(), alpha=1 - d)


def build_optimizer(model, lr, momentum, weight_decay):
    """AdamW with three groups: biases (no decay), conv/linear weights (decay), norm weights (no decay)."""
    g_bias, g_w, g_bn = [], [], []
    for module in model.modules():
        for pname, p in module.named_parameters(recurse=False):
            if not p.requires_grad:
                continue
            if pname == "bias":
                g_bias.append(p)
            elif isinstance(module, (nn.BatchNorm2d, nn.LayerNorm, nn.GroupNorm)):
                g_bn.append(p)
            else:
                g_w.append(p)
    opt = torch.optim.AdamW(
        [{"params": g_bias, "weight_decay": 0.0, "name": "bias"},
         {"params": g_w, "weight_decay": weight_decay, "name": "weight"},
         {"params": g_bn, "weight_decay": 0.0, "name": "norm"}],
        lr=lr, betas=(momentum, 0.999))
    for g in opt.param_groups:
        g["base_lr"] = lr
    return opt


def make_grad_scaler(enabled):
    if hasattr(torch, "amp") and hasattr(torch.amp, "GradScaler"):
        try:
            return torch.amp.GradScaler("cuda", enabled=enabled)
        except TypeError:
            pass
    return torch.cuda.amp.GradScaler(enabled=enabled)


def lr_lambda(args):
    if args.cos:
        return lambda e: ((1 - math.cos(e * math.pi / args.epochs)) / 2) * (args.lrf - 1) + 1
    return lambda e: max(1 - e / args.epochs, 0) * (1.0 - args.lrf) + args.lrf


def pick_copy_paste_classes(spec, counts):
    if spec in (None, "", "auto"):
        return [c for c, n in enumerate(counts) if n < counts.max() / 2]
    return [int(c) for c in str(spec).split(",") if c.strip() != ""]


def auto_workers(device):
    n = os.cpu_count() or 1
    return min(12, max(n - 2, 1)) if device.type == "cuda" else min(2, n)


# --------------------------------------------------------------------------- training
def train(argv=None, start_time=None):
    start_time = start_time or time.time()
    args = parse_args(argv)
    ckpt = None
    if args.resume:
        ckpt = load_ckpt(args.resume)
        cli = vars(args)
        saved = dict(ckpt["args"])
        for k in RUNTIME_KEYS:
            saved[k] = cli[k]
        if cli["data"]:  # the dataset may live elsewhere on this machine
            saved["data"] = os.path.abspath(cli["data"])
        saved["resume"] = args.resume
        args = argparse.Namespace(**saved)
        print(f"resume: training options come from the checkpoint; only {', '.join(RUNTIME_KEYS)} and --data "
              f"are taken from this command line")
        run_dir = os.path.dirname(os.path.abspath(args.resume))
        if ckpt.get("finished"):
            print(f"{args.resume}: training already finished ({ckpt['epoch']} epochs)")
            return {"status": "finished", "epoch": ckpt["epoch"], "run_dir": run_dir}
    else:
        if not args.data:
            raise SystemExit("--data is required (or --resume)")
        run_dir = os.path.join(args.project, args.name)
        if os.path.exists(os.path.join(run_dir, "last.pt")) and not args.exist_ok:
            raise SystemExit(f"{run_dir}/last.pt exists: use --resume {run_dir}/last.pt, or --exist-ok to restart")
        args.data = os.path.abspath(args.data)
    os.makedirs(run_dir, exist_ok=True)

    device = select_device(args.device)
    seed_everything(args.seed)
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
        if hasattr(torch.backends.cuda.matmul, "allow_tf32"):
            torch.backends.cuda.matmul.allow_tf32 = True
            torch.backends.cudnn.allow_tf32 = True
    workers = args.workers if args.workers >= 0 else auto_workers(device)

    data = load_data_config(args.data)
    names = data["names"]
    nc = len(names)

    # ---- model
    model = YOLO(nc, args.width, args.depth, args.max_channels)
    info = model_summary(model, 640)
    print(f"model: width {args.width} depth {args.depth} | {info['params'] / 1e6:.3f} M params | "
          f"{info['gflops']:.2f} GFLOPs ({info['gmacs']:.2f} GMACs) at 640x640")
    model.to(device)
    if device.type == "cuda":
        model.to(memory_format=torch.channels_last)

    # ---- data
    hyp = {"hsv_h": args.hsv_h, "hsv_s": args.hsv_s, "hsv_v": args.hsv_v, "degrees": args.degrees,
           "translate": args.translate, "scale": args.scale, "shear": args.shear, "fliplr": args.fliplr,
           "mosaic": args.mosaic, "copy_paste": args.copy_paste}
    t0 = time.time()
    train_ds = YoloDataset(data["train"], args.imgsz, nc, hyp, cache_ram=args.cache_ram,
                           max_images=args.max_train_images, seed=args.seed)
    counts = class_counts(train_ds.labels, nc)
    print(f"train: {len(train_ds)} images, boxes per class {class_counts_str(counts, names)}")
    cp_classes = pick_copy_paste_classes(args.copy_paste_classes, counts)
    weights = balanced_image_weights(train_ds.labels, nc, args.balance_power) if args.balanced else None
    train_ds.sample_weights = weights
    if args.copy_paste > 0:
        train_ds.build_paste_bank(cp_classes)
    if args.copy_paste > 0:
        print(f"copy-paste p={args.copy_paste} classes {[names[c] for c in cp_classes]}")
    if weights is not None:
        eff = np.zeros(nc)
        for w, lb in zip(weights, train_ds.labels):
            if len(lb):
                eff += w * np.bincount(lb[:, 0].astype(int), minlength=nc)[:nc]
        print(f"balanced sampling: expected boxes per class per epoch "
              f"{class_counts_str(eff * len(train_ds), names)}")
    sampler = EpochSampler(len(train_ds), args.seed, weights)
    loader_kw = {}
    if workers > 0:
        loader_kw = {"persistent_workers": True, "prefetch_factor": 4, "worker_init_fn": worker_init}
    loader = DataLoader(train_ds, batch_size=args.batch, sampler=sampler, num_workers=workers,
                        pin_memory=device.type == "cuda", collate_fn=collate_train,
                        drop_last=len(train_ds) >= 2 * args.batch, **loader_kw)
    print(f"data ready in {time.time() - t0:.1f}s, {workers} workers, {len(loader)} batches/epoch")

    # ---- optimisation
    accumulate_target = max(round(args.nbs / args.batch), 1)
    weight_decay = args.weight_decay * args.batch * accumulate_target / args.nbs
    lr0 = args.lr if args.lr else round(0.002 * 5 / (4 + nc), 6)
    optimizer = build_optimizer(model, lr0, args.momentum, weight_decay)
    lf = lr_lambda(args)
    amp_dtype = None
    if device.type == "cuda" and args.amp != "off":
        bf16_ok = torch.cuda.is_bf16_supported()
        amp_dtype = torch.bfloat16 if (args.amp in ("auto", "bf16") and bf16_ok) else torch.float16
    scaler = make_grad_scaler(amp_dtype == torch.float16)
    ema = ModelEMA(model, args.ema_decay, args.ema_tau)
    criterion = DetectionLoss(model, args.box, args.cls, args.dfl)

    start_epoch, best_fitness, best_epoch, train_seconds, last_opt_step = 0, -1.0, -1, 0.0, -1
    if ckpt is not None:
        model.load_state_dict(float_state_dict(ckpt["model"]))
        ema.ema.load_state_dict(float_state_dict(ckpt["ema"]))
        ema.updates = ckpt["ema_updates"]
        optimizer.load_state_dict(unpack_optimizer_state(ckpt["optimizer"]))
        if ckpt.get("scaler"):
            scaler.load_state_dict(ckpt["scaler"])
        start_epoch = ckpt["epoch"]
        best_fitness, best_epoch = ckpt.get("best_fitness", -1.0), ckpt.get("best_epoch", -1)
        train_seconds = ckpt.get("train_seconds", 0.0)
        last_opt_step = ckpt.get("last_opt_step", -1)
        set_rng_state(ckpt.get("rng"))
        print(f"resumed from {args.resume} at epoch {start_epoch}/{args.epochs}")
    del ckpt
    train_model = torch.compile(model) if args.compile and hasattr(torch, "compile") else model

    nb = len(loader)
    nw = max(round(args.warmup_epochs * nb), 100) if args.warmup_epochs > 0 else -1
    csv_path = os.path.join(run_dir, "results.csv")
    epoch_times, status, epoch = [], "paused", start_epoch - 1
    print(f"training epochs {start_epoch}..{args.epochs - 1} at imgsz {args.imgsz}, batch {args.batch} "
          f"(accumulate to {args.nbs}), lr {lr0}, amp {amp_dtype}, device {device}")

    for epoch in range(start_epoch, args.epochs):
        te = time.time()
        mosaic = epoch < args.epochs - args.close_mosaic
        sampler.set_epoch(epoch, mosaic)
        model.train()
        for g in optimizer.param_groups:
            g["lr"] = g["base_lr"] * lf(epoch)
        mloss, n_img = torch.zeros(3, device=device), 0
        accumulate = accumulate_target
        optimizer.zero_grad(set_to_none=True)
        for i, (imgs, targets) in enumerate(loader):
            ni = i + nb * epoch
            if ni <= nw:  # warmup
                accumulate = max(1, int(np.interp(ni, [0, nw], [1, args.nbs / args.batch]).round()))
                for g in optimizer.param_groups:
                    start = args.warmup_bias_lr if g["name"] == "bias" else 0.0
                    g["lr"] = float(np.interp(ni, [0, nw], [start, g["base_lr"] * lf(epoch)]))
            imgs = imgs.to(device, non_blocking=True)
            if device.type == "cuda":
                imgs = imgs.contiguous(memory_format=torch.channels_last)
            imgs = imgs.float() / 255.0
            with torch.autocast(device_type=device.type, dtype=amp_dtype or torch.bfloat16,
                                enabled=amp_dtype is not None):
                preds = train_model(imgs)
            loss, items = criterion(preds, targets)
            scaler.scale(loss).backward()
            if ni - last_opt_step >= accumulate:
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=10.0)
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
                ema.update(model)
                last_opt_step = ni
            mloss += items
            n_img += imgs.shape[0]
        mloss = (mloss / max(nb, 1)).tolist()
        if not math.isfinite(sum(mloss)):
            raise RuntimeError(f"non-finite loss at epoch {epoch}: {mloss}")
        train_time = time.time() - te

        metrics = None
        last_epoch = epoch + 1 == args.epochs
        if (last_epoch or epoch >= args.epochs - getattr(args, "val_last", 0)
                or (args.val_interval > 0 and (epoch + 1) % args.val_interval == 0)):
            metrics = evaluate_model(ema.ema, data["val"], names, args.val_imgsz, device, batch=32,
                                     workers=args.val_workers, max_images=args.max_val_images)
        epoch_time = time.time() - te
        train_seconds += epoch_time
        epoch_times.append(epoch_time)

        improved = metrics is not None and metrics["fitness"] > best_fitness
        if improved:
            best_fitness, best_epoch = metrics["fitness"], epoch + 1
        model_cfg = dict(model.cfg, names=names)
        ckpt = {
            "epoch": epoch + 1, "epochs": args.epochs, "finished": last_epoch,
            "model_cfg": model_cfg, "names": names,
            "model": half_state_dict(model.state_dict()),
            "ema": half_state_dict(ema.ema.state_dict()), "ema_updates": ema.updates,
            "optimizer": pack_optimizer_state(optimizer.state_dict()),
            "scaler": scaler.state_dict(), "last_opt_step": last_opt_step,
            "best_fitness": best_fitness, "best_epoch": best_epoch, "metrics": metrics,
            "rng": get_rng_state(), "args": vars(args), "train_seconds": train_seconds,
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "torch": torch.__version__,
        }
        save_atomic(ckpt, os.path.join(run_dir, "last.pt"))
        if epoch == start_epoch and os.path.getsize(os.path.join(run_dir, "last.pt")) > 16 * 2**20:
            print("warning: last.pt is larger than 16 MiB (about 6 bytes per parameter)")
        if improved:
            save_atomic({"epoch": epoch + 1, "model_cfg": model_cfg, "names": names, "ema": ckpt["ema"],
                         "metrics": metrics, "args": vars(args), "date": ckpt["date"]},
                        os.path.join(run_dir, "best.pt"))
        del ckpt

        lr_now = optimizer.param_groups[1]["lr"]
        row = {"epoch": epoch + 1, "box": round(mloss[0], 4), "cls": round(mloss[1], 4), "dfl": round(mloss[2], 4),
               "lr": f"{lr_now:.3g}", "mosaic": int(mosaic), "img_per_s": round(n_img / max(train_time, 1e-6), 1),
               "epoch_s": round(epoch_time, 1),
               "map50": round(metrics["map50"], 4) if metrics else "", "map50_95": round(metrics["map50_95"], 4)
               if metrics else ""}
        new_file = not os.path.exists(csv_path)
        with open(csv_path, "a", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(row))
            if new_file:
                w.writeheader()
            w.writerow(row)
        print(f"epoch {epoch + 1}/{args.epochs} box {mloss[0]:.3f} cls {mloss[1]:.3f} dfl {mloss[2]:.3f} "
              f"lr {lr_now:.2e} {row['img_per_s']} img/s {epoch_time:.1f}s"
              + (f" | val mAP50 {metrics['map50']:.4f} mAP50-95 {metrics['map50_95']:.4f}" if metrics else ""),
              flush=True)
        if metrics is not None and last_epoch:
            print(format_table(metrics))

        if last_epoch:
            status = "finished"
            break
        if args.time_budget_min:
            elapsed = time.time() - start_time
            nxt = max(epoch_times[-3:]) * 1.1 + 5.0
            if elapsed + nxt > args.time_budget_min * 60:
                print(f"time budget: {elapsed / 60:.1f} min used, next epoch ~{nxt:.0f}s would exceed "
                      f"{args.time_budget_min} min -> pausing after epoch {epoch + 1}", flush=True)
                break

    done = epoch + 1 if args.epochs > start_epoch else start_epoch
    summary = {"status": status, "epoch": done, "epochs": args.epochs, "run_dir": run_dir,
               "last": os.path.join(run_dir, "last.pt"),
               "best": os.path.join(run_dir, "best.pt") if os.path.exists(os.path.join(run_dir, "best.pt")) else None,
               "best_epoch": best_epoch, "best_fitness": best_fitness, "train_seconds": round(train_seconds, 1),
               "params": info["params"], "gflops_640": round(info["gflops"], 3)}
    with open(os.path.join(run_dir, "status.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(f"{status}: {done}/{args.epochs} epochs, total train time {train_seconds / 60:.1f} min, run {run_dir}")
    del loader
    return summary


if __name__ == "__main__":
    train()

"""YOLOv8-style anchor-free detector: C2f backbone + SPPF + PAN neck + decoupled DFL head (strides 8/16/32).

Training forward returns the raw per-level maps [B, 4*reg_max + nc, H, W].
Eval/export forward returns [B, 4 + nc, N]: cx, cy, w, h in input pixels, then per-class sigmoid scores
(the Ultralytics YOLOv8 ONNX output layout).
"""
import math

import torch
import torch.nn as nn

from common import dist2bbox, make_anchors


def autopad(k, p=None, d=1):
    if d > 1:
        k = d * (k - 1) + 1
    return k // 2 if p is None else p


def make_divisible(x, divisor=8):
    return int(math.ceil(x / divisor) * divisor)


class Conv(nn.Module):
    """Conv2d (no bias) + BatchNorm + SiLU."""

    def __init__(self, c1, c2, k=1, s=1, p=None, g=1):
        super().__init__()
        self.conv = nn.Conv2d(c1, c2, k, s, autopad(k, p), groups=g, bias=False)
        self.bn = nn.BatchNorm2d(c2, eps=1e-3, momentum=0.03)
        self.act = nn.SiLU(inplace=True)

    def forward(self, x):
        return self.act(self.bn(self.conv(x)))

    def forward_fused(self, x):
        return self.act(self.conv(x))


class Bottleneck(nn.Module):
    def __init__(self, c1, c2, shortcut=True, e=1.0):
        super().__init__()
        c_ = int(c2 * e)
        self.cv1 = Conv(c1, c_, 3, 1)
        self.cv2 = Conv(c_, c2, 3, 1)
        self.add = shortcut and c1 == c2

    def forward(self, x):
        y = self.cv2(self.cv1(x))
        return x + y if self.add else y


class C2f(nn.Module):
    """CSP bottleneck with 2 convolutions, all bottleneck outputs concatenated (YOLOv8)."""

    def __init__(self, c1, c2, n=1, shortcut=False, e=0.5):
        super().__init__()
        self.c = int(c2 * e)
        self.cv1 = Conv(c1, 2 * self.c, 1, 1)
        self.cv2 = Conv((2 + n) * self.c, c2, 1)
        self.m = nn.ModuleList(Bottleneck(self.c, self.c, shortcut, e=1.0) for _ in range(n))

    def forward(self, x):
        y = list(self.cv1(x).chunk(2, 1))
        for m in self.m:
            y.append(m(y[-1]))
        return self.cv2(torch.cat(y, 1))


class SPPF(nn.Module):
    def __init__(self, c1, c2, k=5):
        super().__init__()
        c_ = c1 // 2
        self.cv1 = Conv(c1, c_, 1, 1)
        self.cv2 = Conv(c_ * 4, c2, 1, 1)
        self.m = nn.MaxPool2d(kernel_size=k, stride=1, padding=k // 2)

    def forward(self, x):
        y = [self.cv1(x)]
        for _ in range(3):
            y.append(self.m(y[-1]))
        return self.cv2(torch.cat(y, 1))


class DFL(nn.Module):
    """Distribution focal loss integral: expected value of a softmax over reg_max bins (fixed 1x1 conv)."""

    def __init__(self, c1=16):
        super().__init__()
        self.conv = nn.Conv2d(c1, 1, 1, bias=False).requires_grad_(False)
        self.conv.weight.data[:] = torch.arange(c1, dtype=torch.float).view(1, c1, 1, 1)
        self.c1 = c1

    def forward(self, x):
        b, _, a = x.shape  # (b, 4*c1, a)
        return self.conv(x.view(b, 4, self.c1, a).transpose(2, 1).softmax(1)).view(b, 4, a)


class Detect(nn.Module):
    def __init__(self, nc, ch, strides=(8, 16, 32), reg_max=16):
        super().__init__()
        self.nc, self.nl, self.reg_max, self.strides = nc, len(ch), reg_max, tuple(strides)
        self.no = nc + 4 * reg_max
        self.register_buffer("stride", torch.tensor(strides, dtype=torch.float32), persistent=False)
        c2, c3 = max(16, ch[0] // 4, reg_max * 4), max(ch[0], min(nc, 100))
        self.cv2 = nn.ModuleList(
            nn.Sequential(Conv(x, c2, 3), Conv(c2, c2, 3), nn.Conv2d(c2, 4 * reg_max, 1)) for x in ch
        )
        self.cv3 = nn.ModuleList(nn.Sequential(Conv(x, c3, 3), Conv(c3, c3, 3), nn.Conv2d(c3, nc, 1)) for x in ch)
        self.dfl = DFL(reg_max)

    def bias_init(self):
        for a, b, s in zip(self.cv2, self.cv3, self.strides):
            a[-1].bias.data[:] = 1.0
            b[-1].bias.data[: self.nc] = math.log(5 / self.nc / (640 / s) ** 2)

    def forward(self, xs):
        xs = [torch.cat((self.cv2[i](x), self.cv3[i](x)), 1) for i, x in enumerate(xs)]
        if self.training:
            return xs
        return self.decode(xs)

    def decode(self, xs):
        b = xs[0].shape[0]
        anchors, strides = make_anchors(xs, self.strides, 0.5)
        x_cat = torch.cat([xi.view(b, self.no, -1) for xi in xs], 2)
        box, cls = x_cat.split((self.reg_max * 4, self.nc), 1)
        dbox = dist2bbox(self.dfl(box), anchors.transpose(0, 1).unsqueeze(0), xywh=True, dim=1)
        return torch.cat((dbox * strides.transpose(0, 1), cls.sigmoid()), 1)


class YOLO(nn.Module):
    """YOLOv8 layout. width/depth multiply the YOLOv8 base channels (64..1024) and repeats (3, 6, 6, 3)."""

    def __init__(self, nc=4, width=0.1875, depth=0.33, max_channels=1024, reg_max=16):
        super().__init__()
        self.cfg = {"nc": nc, "width": width, "depth": depth, "max_channels": max_channels, "reg_max": reg_max}

        def ch(c):
            return make_divisible(min(c, max_channels) * width, 8)

        def n(r):
            return max(round(r * depth), 1) if r > 1 else r

        c1, c2, c3, c4, c5 = ch(64), ch(128), ch(256), ch(512), ch(1024)
        # backbone
        self.b0 = Conv(3, c1, 3, 2)  # P1/2
        self.b1 = Conv(c1, c2, 3, 2)  # P2/4
        self.b2 = C2f(c2, c2, n(3), True)
        self.b3 = Conv(c2, c3, 3, 2)  # P3/8
        self.b4 = C2f(c3, c3, n(6), True)
        self.b5 = Conv(c3, c4, 3, 2)  # P4/16
        self.b6 = C2f(c4, c4, n(6), True)
        self.b7 = Conv(c4, c5, 3, 2)  # P5/32
        self.b8 = C2f(c5, c5, n(3), True)
        self.b9 = SPPF(c5, c5, 5)
        # PAN neck
        self.up = nn.Upsample(scale_factor=2, mode="nearest")
        self.h12 = C2f(c5 + c4, c4, n(3))
        self.h15 = C2f(c4 + c3, c3, n(3))  # P3 out
        self.h16 = Conv(c3, c3, 3, 2)
        self.h18 = C2f(c3 + c4, c4, n(3))  # P4 out
        self.h19 = Conv(c4, c4, 3, 2)
        self.h21 = C2f(c4 + c5, c5, n(3))  # P5 out
        self.detect = Detect(nc, (c3, c4, c5), reg_max=reg_max)
        self.stride = self.detect.stride
        self._init()

    def _init(self):
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.eps, m.momentum = 1e-3, 0.03
            elif isinstance(m, nn.SiLU):
                m.inplace = True
        self.detect.bias_init()

    def forward(self, x):
        x = self.b2(self.b1(self.b0(x)))
        p3 = self.b4(self.b3(x))
        p4 = self.b6(self.b5(p3))
        p5 = self.b9(self.b8(self.b7(p4)))
        h12 = self.h12(torch.cat((self.up(p5), p4), 1))
        o3 = self.h15(torch.cat((self.up(h12), p3), 1))
        o4 = self.h18(torch.cat((self.h16(o3), h12), 1))
        o5 = self.h21(torch.cat((self.h19(o4), p5), 1))
        return self.detect([o3, o4, o5])

    @torch.no_grad()
    def fuse(self):
        """Fold BatchNorm into the preceding conv (inference only)."""
        for m in self.modules():
            if isinstance(m, Conv) and hasattr(m, "bn"):
                m.conv = fuse_conv_bn(m.conv, m.bn)
                delattr(m, "bn")
                m.forward = m.forward_fused
        return self


def fuse_conv_bn(conv, bn):
    fused = nn.Conv2d(
        conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding,
        dilation=conv.dilation, groups=conv.groups, bias=True,
    ).requires_grad_(False).to(conv.weight.device)
    w_conv = conv.weight.clone().view(conv.out_channels, -1)
    w_bn = torch.diag(bn.weight.div(torch.sqrt(bn.eps + bn.running_var)))
    fused.weight.copy_(torch.mm(w_bn, w_conv).view(fused.weight.shape))
    b_conv = torch.zeros(conv.weight.shape[0], device=conv.weight.device) if conv.bias is None else conv.bias
    b_bn = bn.bias - bn.weight.mul(bn.running_mean).div(torch.sqrt(bn.running_var + bn.eps))
    fused.bias.copy_(torch.mm(w_bn, b_conv.reshape(-1, 1)).reshape(-1) + b_bn)
    return fused


def build_model(cfg):
    return YOLO(**{k: cfg[k] for k in ("nc", "width", "depth", "max_channels", "reg_max") if k in cfg})


if __name__ == "__main__":
    import argparse

    from common import model_summary

    ap = argparse.ArgumentParser(description="print params / GFLOPs of a model configuration")
    ap.add_argument("--width", type=float, default=0.1875)
    ap.add_argument("--depth", type=float, default=0.33)
    ap.add_argument("--max-channels", type=int, default=1024)
    ap.add_argument("--nc", type=int, default=4)
    ap.add_argument("--imgsz", type=int, default=640)
    a = ap.parse_args()
    m = YOLO(a.nc, a.width, a.depth, a.max_channels)
    s = model_summary(m, a.imgsz)
    print(f"params {s['params'] / 1e6:.3f} M | {s['gmacs']:.2f} GMACs | {s['gflops']:.2f} GFLOPs at {a.imgsz}")

"""Detection loss: task-aligned assigner (TAL) + BCE classification + CIoU + DFL box regression (YOLOv8)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from common import bbox2dist, bbox_ciou, dist2bbox, make_anchors, xywh2xyxy


class TaskAlignedAssigner(nn.Module):
    """Assigns ground truths to anchors by the alignment metric score^alpha * IoU^beta (top-k inside the box)."""

    def __init__(self, topk=10, num_classes=4, alpha=0.5, beta=6.0, eps=1e-9):
        super().__init__()
        self.topk, self.nc, self.alpha, self.beta, self.eps = topk, num_classes, alpha, beta, eps

    @torch.no_grad()
    def forward(self, pd_scores, pd_bboxes, anc_points, gt_labels, gt_bboxes, mask_gt):
        """pd_scores (b, a, nc) sigmoid; pd_bboxes (b, a, 4) xyxy pixels; anc_points (a, 2) pixels;
        gt_labels (b, m, 1); gt_bboxes (b, m, 4) xyxy pixels; mask_gt (b, m, 1).
        Returns target_bboxes (b, a, 4), target_scores (b, a, nc), fg_mask (b, a) bool."""
        bs, n_max = pd_scores.shape[0], gt_bboxes.shape[1]
        device = pd_scores.device
        if n_max == 0:
            return (torch.zeros_like(pd_bboxes), torch.zeros_like(pd_scores),
                    torch.zeros(pd_scores.shape[:2], dtype=torch.bool, device=device))

        mask_in_gts = self.select_candidates_in_gts(anc_points, gt_bboxes)  # (b, m, a)
        align_metric, overlaps = self.get_box_metrics(pd_scores, pd_bboxes, gt_labels, gt_bboxes, mask_in_gts * mask_gt)
        mask_topk = self.select_topk_candidates(align_metric, mask_gt.expand(-1, -1, self.topk).bool())
        mask_pos = mask_topk * mask_in_gts * mask_gt

        # an anchor assigned to several gts keeps the one with the highest IoU
        fg_mask = mask_pos.sum(-2)
        if fg_mask.max() > 1:
            multi = (fg_mask.unsqueeze(1) > 1).expand(-1, n_max, -1)
            is_max = torch.zeros_like(mask_pos)
            is_max.scatter_(1, overlaps.argmax(1).unsqueeze(1), 1)
            mask_pos = torch.where(multi, is_max, mask_pos).float()
            fg_mask = mask_pos.sum(-2)
        target_gt_idx = mask_pos.argmax(-2)  # (b, a)

        batch_ind = torch.arange(bs, dtype=torch.int64, device=device)[..., None]
        flat_idx = target_gt_idx + batch_ind * n_max
        target_labels = gt_labels.long().flatten()[flat_idx].clamp_(0)  # (b, a)
        target_bboxes = gt_bboxes.view(-1, 4)[flat_idx]  # (b, a, 4)
        target_scores = F.one_hot(target_labels, self.nc).to(pd_scores.dtype)
        target_scores = torch.where(fg_mask[:, :, None] > 0, target_scores, torch.zeros_like(target_scores))

        # normalise: each gt's best anchor gets the gt's best IoU as soft target
        align_metric = align_metric * mask_pos
        pos_align = align_metric.amax(dim=-1, keepdim=True)
        pos_overlaps = (overlaps * mask_pos).amax(dim=-1, keepdim=True)
        norm = (align_metric * pos_overlaps / (pos_align + self.eps)).amax(-2).unsqueeze(-1)
        return target_bboxes, target_scores * norm, fg_mask.bool()

    def get_box_metrics(self, pd_scores, pd_bboxes, gt_labels, gt_bboxes, mask):
        bs, n_max, na = pd_scores.shape[0], gt_bboxes.shape[1], pd_bboxes.shape[-2]
        mask = mask.bool()
        overlaps = torch.zeros((bs, n_max, na), dtype=pd_bboxes.dtype, device=pd_bboxes.device)
        bbox_scores = torch.zeros((bs, n_max, na), dtype=pd_scores.dtype, device=pd_scores.device)
        b_idx = torch.arange(bs, device=pd_scores.device).view(-1, 1).expand(-1, n_max)
        c_idx = gt_labels.squeeze(-1).long()
        bbox_scores[mask] = pd_scores[b_idx, :, c_idx][mask]  # score of the gt's class at each anchor
        pd_b = pd_bboxes.unsqueeze(1).expand(-1, n_max, -1, -1)[mask]
        gt_b = gt_bboxes.unsqueeze(2).expand(-1, -1, na, -1)[mask]
        overlaps[mask] = bbox_ciou(gt_b, pd_b).squeeze(-1).clamp_(0).to(overlaps.dtype)
        align_metric = bbox_scores.pow(self.alpha) * overlaps.pow(self.beta)
        return align_metric, overlaps

    def select_topk_candidates(self, metrics, topk_mask):
        _, topk_idxs = torch.topk(metrics, self.topk, dim=-1, largest=True)
        topk_idxs.masked_fill_(~topk_mask, 0)
        count = torch.zeros(metrics.shape, dtype=torch.int8, device=metrics.device)
        ones = torch.ones_like(topk_idxs[:, :, :1], dtype=torch.int8)
        for k in range(self.topk):
            count.scatter_add_(-1, topk_idxs[:, :, k : k + 1], ones)
        count.masked_fill_(count > 1, 0)  # padded gts point every k at index 0
        return count.to(metrics.dtype)

    @staticmethod
    def select_candidates_in_gts(xy_centers, gt_bboxes, eps=1e-9):
        n_anchors = xy_centers.shape[0]
        bs, n_boxes, _ = gt_bboxes.shape
        lt, rb = gt_bboxes.view(-1, 1, 4).chunk(2, 2)
        deltas = torch.cat((xy_centers[None] - lt, rb - xy_centers[None]), dim=2).view(bs, n_boxes, n_anchors, -1)
        return deltas.amin(3).gt_(eps).to(gt_bboxes.dtype)


class DetectionLoss:
    """YOLOv8 loss. Returns (sum of weighted losses * batch size, detached [box, cls, dfl])."""

    def __init__(self, model, box=7.5, cls=0.5, dfl=1.5, topk=10):
        det = model.detect
        self.nc, self.reg_max, self.no = det.nc, det.reg_max, det.no
        self.stride = list(det.strides)
        self.hyp = (box, cls, dfl)
        self.assigner = TaskAlignedAssigner(topk=topk, num_classes=self.nc, alpha=0.5, beta=6.0)
        self.proj = torch.arange(self.reg_max, dtype=torch.float)

    def preprocess(self, targets, batch_size, scale):
        """targets (n, 6) [img_idx, cls, cx, cy, w, h] normalised -> (b, max_n, 5) [cls, x1, y1, x2, y2] pixels."""
        device = targets.device
        if targets.shape[0] == 0:
            return torch.zeros(batch_size, 0, 5, device=device)
        i = targets[:, 0].long()
        counts = torch.bincount(i, minlength=batch_size)
        out = torch.zeros(batch_size, int(counts.max()), 5, device=device)
        i_sorted, order = torch.sort(i, stable=True)
        starts = torch.cumsum(counts, 0) - counts
        slot = torch.arange(len(i), device=device) - starts[i_sorted]
        t = targets[order]
        out[i_sorted, slot, 0] = t[:, 1]
        out[i_sorted, slot, 1:5] = xywh2xyxy(t[:, 2:6] * scale)
        return out

    def bbox_decode(self, anchor_points, pred_dist):
        b, a, c = pred_dist.shape
        dist = pred_dist.view(b, a, 4, c // 4).softmax(3).matmul(self.proj.to(pred_dist.device, pred_dist.dtype))
        return dist2bbox(dist, anchor_points, xywh=False)

    def df_loss(self, pred_dist, target):
        """Distribution focal loss: cross-entropy to the two bins around the continuous target."""
        tl = target.long()
        tr = tl + 1
        wl = tr - target
        wr = 1 - wl
        return (
            F.cross_entropy(pred_dist, tl.view(-1), reduction="none").view(tl.shape) * wl
            + F.cross_entropy(pred_dist, tr.view(-1), reduction="none").view(tl.shape) * wr
        ).mean(-1, keepdim=True)

    def __call__(self, feats, targets):
        feats = [f.float() for f in feats]
        b = feats[0].shape[0]
        device = feats[0].device
        pred_distri, pred_scores = torch.cat([f.view(b, self.no, -1) for f in feats], 2).split(
            (self.reg_max * 4, self.nc), 1)
        pred_scores = pred_scores.permute(0, 2, 1).contiguous()  # (b, a, nc)
        pred_distri = pred_distri.permute(0, 2, 1).contiguous()  # (b, a, 4*reg_max)
        imgsz = torch.tensor(feats[0].shape[2:], device=device, dtype=torch.float32) * self.stride[0]  # (h, w)
        anchor_points, stride_tensor = make_anchors(feats, self.stride, 0.5)

        gt = self.preprocess(targets.to(device).float(), b, imgsz[[1, 0, 1, 0]])
        gt_labels, gt_bboxes = gt.split((1, 4), 2)
        mask_gt = gt_bboxes.sum(2, keepdim=True).gt_(0.0)

        pred_bboxes = self.bbox_decode(anchor_points, pred_distri)  # xyxy, grid units
        target_bboxes, target_scores, fg_mask = self.assigner(
            pred_scores.detach().sigmoid(), pred_bboxes.detach() * stride_tensor,
            anchor_points * stride_tensor, gt_labels, gt_bboxes, mask_gt)
        target_scores_sum = max(target_scores.sum().item(), 1.0)

        loss = torch.zeros(3, device=device)
        loss[1] = F.binary_cross_entropy_with_logits(pred_scores, target_scores, reduction="none").sum() / target_scores_sum
        if fg_mask.any():
            target_bboxes = target_bboxes / stride_tensor
            weight = target_scores.sum(-1)[fg_mask].unsqueeze(-1)
            iou = bbox_ciou(pred_bboxes[fg_mask], target_bboxes[fg_mask])
            loss[0] = ((1.0 - iou) * weight).sum() / target_scores_sum
            target_ltrb = bbox2dist(anchor_points, target_bboxes, self.reg_max - 1)
            loss[2] = (self.df_loss(pred_distri[fg_mask].view(-1, self.reg_max), target_ltrb[fg_mask]) * weight).sum() \
                / target_scores_sum
        loss = loss * torch.tensor(self.hyp, device=device)
        return loss.sum() * b, loss.detach()

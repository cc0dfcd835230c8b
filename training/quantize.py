"""Optional: int8 static quantization (QDQ, per-channel weights) of the exported ONNX model.

    python training/quantize.py --onnx models/ppe-detector.onnx --data training/data/ppe
    python training/evaluate.py --weights models/ppe-detector-int8.onnx --data training/data/ppe

Calibrates activations (MinMax) on ~200 letterboxed training images. The head's final 1x1 convolutions and
the box decoding (DFL softmax, anchors, concat, sigmoid) stay in float: quantizing them costs accuracy and
saves nothing. The metadata_props of the float model are copied. Needs onnxruntime (imported lazily).
"""
import argparse
import os
import re
import sys

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import letterbox, list_images, load_data_config  # noqa: E402

KEEP_QUANTIZED_IN_HEAD = re.compile(r"^/detect/cv[23]\.\d+/cv[23]\.\d+\.[01]/")


def calibration_batches(data, imgsz=640, n=200, seed=0):
    files = list_images(load_data_config(data)["train"])
    rng = np.random.default_rng(seed)
    if len(files) > n:
        files = [files[i] for i in sorted(rng.choice(len(files), n, replace=False))]
    for f in files:
        im = cv2.imread(f, cv2.IMREAD_COLOR)
        im, _, _ = letterbox(im, (imgsz, imgsz))
        yield np.ascontiguousarray(im[:, :, ::-1].transpose(2, 0, 1))[None].astype(np.float32) / 255.0


def quantize_int8(onnx_in, data, onnx_out=None, imgsz=640, n=200):
    import onnx
    from onnxruntime.quantization import (CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType,
                                          quantize_static)

    onnx_out = onnx_out or onnx_in.replace(".onnx", "-int8.onnx")
    src = onnx.load(onnx_in)
    input_name = src.graph.input[0].name
    exclude = [nd.name for nd in src.graph.node
               if nd.name.startswith("/detect/") and not KEEP_QUANTIZED_IN_HEAD.match(nd.name)]

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.it = iter(calibration_batches(data, imgsz, n))

        def get_next(self):
            x = next(self.it, None)
            return None if x is None else {input_name: x}

    quantize_static(onnx_in, onnx_out, Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
                    activation_type=QuantType.QInt8, weight_type=QuantType.QInt8,
                    calibrate_method=CalibrationMethod.MinMax, nodes_to_exclude=exclude)
    q = onnx.load(onnx_out)
    del q.metadata_props[:]
    for p in src.metadata_props:
        np_ = q.metadata_props.add()
        np_.key, np_.value = p.key, (p.value + " (int8 QDQ)") if p.key == "description" else p.value
    onnx.save(q, onnx_out)
    print(f"wrote {onnx_out} ({os.path.getsize(onnx_out) / 2**20:.2f} MiB), {len(exclude)} head nodes kept float")
    return onnx_out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--onnx", default=os.path.join(os.path.dirname(HERE), "models", "ppe-detector.onnx"))
    ap.add_argument("--data", required=True, help="dataset folder or data.yaml (training images calibrate)")
    ap.add_argument("--out", default=None, help="default: <onnx>-int8.onnx")
    ap.add_argument("--imgsz", type=int, default=640)
    ap.add_argument("--n", type=int, default=200, help="calibration images")
    a = ap.parse_args(argv)
    quantize_int8(a.onnx, a.data, a.out, a.imgsz, a.n)


if __name__ == "__main__":
    main()

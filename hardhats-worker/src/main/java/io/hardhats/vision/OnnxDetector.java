package io.hardhats.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * The {@link Detector} on ONNX Runtime: a YOLO model in one session. One instance per model per process, shared by
 * every camera thread: {@code OrtSession.run} is thread-safe, and a session per camera would
 * multiply the model's memory and fight over the same cores. A gate lets only as many
 * inferences run at once as {@link InferenceThreads} allows, so forty cameras queue for two
 * cores instead of thrashing them, and serves the organisations of queued cameras in rotation
 * ({@link InferenceGate}).
 *
 * <p>Models with dynamic height and width get the smallest input that holds the letterboxed
 * frame (a 16:9 frame at 640 becomes 640×384, not 640×640: the grey bars cost ~40 % of the
 * inference and add nothing); fixed-shape models get their own input size, whatever the camera
 * asks for.
 */
public final class OnnxDetector implements Detector, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnnxDetector.class);
    /** Ultralytics' letterbox grey. */
    private static final Scalar GREY = new Scalar(114, 114, 114, 0);

    private final Path modelPath;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;
    /** The model's fixed input {width, height}, or null when both are dynamic. */
    private final int[] fixedInput;
    private final InferenceGate gate;
    private final ClassMap classMap;
    private final NonMaxSuppression nms;
    private final Map<Long, Queue<InputWorkspace>> workspaces = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Stage durations of one call, for benchmarks and metrics. */
    public record Timings(long preprocessNanos, long inferenceNanos, long postprocessNanos) {
    }

    /** The outcome of one call with its geometry and timings. */
    public record Run(List<Detection> detections, Letterbox letterbox, ModelOutputLayout layout, Timings timings) {
    }

    private OnnxDetector(Path modelPath, OrtEnvironment environment, OrtSession session, int concurrent,
            ClassMap classMap, NonMaxSuppression nms) throws OrtException {
        this.modelPath = modelPath;
        this.environment = environment;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        this.fixedInput = fixedInputSize(session, inputName);
        this.gate = new InferenceGate(concurrent);
        this.classMap = classMap;
        this.nms = nms;
    }

    /**
     * Loads a model.
     *
     * @param threads how inferences share the cores; size it from the container's CPU count, as
     *                ONNX Runtime's default counts the host's cores
     */
    public static OnnxDetector open(Path modelPath, InferenceThreads threads) {
        if (!Files.isRegularFile(modelPath)) {
            throw new IllegalStateException("Detector model not found at " + modelPath.toAbsolutePath()
                    + " (set MODEL_PATH to an ONNX file)");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads.intraOp());
            // Parallelism across cameras comes from the camera threads; inter-op threads would only
            // oversubscribe the cores.
            options.setInterOpNumThreads(1);
            // Idle intra-op threads spin by default, burning the cores the decoders need.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(modelPath.toString(), options);
            try {
                if (session.getNumInputs() != 1 || session.getNumOutputs() < 1) {
                    throw new IllegalStateException("Model " + modelPath + " has " + session.getNumInputs()
                            + " inputs and " + session.getNumOutputs() + " outputs; a YOLO export has one image input");
                }
                ClassNames names = ClassNames.forModel(modelPath, session.getMetadata().getCustomMetadata());
                ClassMap classMap = new ClassMap(names);
                log.info("Detector {} loaded: classes {}, {} inference(s) at once on {} thread(s) each", modelPath,
                        names.names(), threads.concurrent(), threads.intraOp());
                return new OnnxDetector(modelPath, environment, session, threads.concurrent(), classMap,
                        new NonMaxSuppression());
            } catch (RuntimeException | OrtException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load detector model " + modelPath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Detection> detect(UUID organizationId, Mat bgrImage, int inferenceWidth, int inferenceHeight,
            double confidenceThreshold) {
        return run(organizationId, bgrImage, inferenceWidth, inferenceHeight, confidenceThreshold).detections();
    }

    /** {@link #detect} with the geometry and per-stage timings. */
    public Run run(UUID organizationId, Mat bgrImage, int inferenceWidth, int inferenceHeight,
            double confidenceThreshold) {
        if (closed) {
            throw new IllegalStateException("Detector " + modelPath + " is closed");
        }
        long t0 = System.nanoTime();
        Letterbox letterbox = fixedInput != null
                ? Letterbox.fit(bgrImage.cols(), bgrImage.rows(), fixedInput[0], fixedInput[1])
                : Letterbox.fitTight(bgrImage.cols(), bgrImage.rows(), inferenceWidth, inferenceHeight);
        InputWorkspace ws = borrow(letterbox.inputWidth(), letterbox.inputHeight());
        try {
            preprocess(bgrImage, letterbox, ws);
            long t1 = System.nanoTime();
            long[] inputShape = {1, 3, ws.height, ws.width};
            try (OnnxTensor input = OnnxTensor.createTensor(environment, ws.input.rewind(), inputShape);
                    OrtSession.Result result = infer(organizationId, input)) {
                long t2 = System.nanoTime();
                OnnxTensor output = (OnnxTensor) result.get(0);
                long[] shape = output.getInfo().getShape();
                FloatBuffer floats = output.getFloatBuffer();
                int classCount = classMap.names().size();
                ModelOutputLayout layout = ModelOutputLayout.recognise(shape, classCount);
                List<Detection> detections = postprocess(
                        YoloOutputDecoder.decode(floats, shape, layout, classCount, (float) confidenceThreshold),
                        letterbox, layout);
                long t3 = System.nanoTime();
                return new Run(detections, letterbox, layout, new Timings(t1 - t0, t2 - t1, t3 - t2));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Inference failed on " + modelPath + ": " + e.getMessage(), e);
        } finally {
            release(ws);
        }
    }

    private OrtSession.Result infer(UUID organizationId, OnnxTensor input) throws OrtException {
        try (InferenceGate.Turn turn = gate.enter(organizationId)) {
            return session.run(Map.of(inputName, input));
        }
    }

    /** {width, height} when the model's input has both fixed, else null (dynamic axes are -1 or named). */
    private static int[] fixedInputSize(OrtSession session, String inputName) throws OrtException {
        if (!(session.getInputInfo().get(inputName).getInfo() instanceof TensorInfo info)) {
            return null;
        }
        long[] shape = info.getShape();
        if (shape.length != 4 || shape[2] <= 0 || shape[3] <= 0) {
            return null;
        }
        return new int[] {(int) shape[3], (int) shape[2]};
    }

    static void preprocess(Mat source, Letterbox lb, InputWorkspace ws) {
        Mat bgr = source;
        Mat converted = null;
        if (source.type() == CV_8UC1 || source.type() == CV_8UC4) {
            converted = new Mat();
            cvtColor(source, converted, source.type() == CV_8UC1 ? COLOR_GRAY2BGR : COLOR_BGRA2BGR);
            bgr = converted;
        } else if (source.type() != CV_8UC3) {
            throw new IllegalArgumentException("Expected an 8-bit BGR image, got OpenCV type " + source.type());
        }
        try (Size size = new Size(lb.resizedWidth(), lb.resizedHeight())) {
            resize(bgr, ws.resized, size, 0, 0, INTER_LINEAR);
        } finally {
            if (converted != null) {
                converted.close();
            }
        }
        copyMakeBorder(ws.resized, ws.padded, lb.padTop(), lb.padBottom(), lb.padLeft(), lb.padRight(),
                BORDER_CONSTANT, GREY);
        ws.padded.convertTo(ws.floats, CV_32F, 1 / 255.0, 0);
        // HWC → CHW straight into the tensor's buffer (and BGR → RGB by plane order).
        split(ws.floats, ws.bgrPlanes);
    }

    private List<Detection> postprocess(List<Candidate> candidates, Letterbox letterbox, ModelOutputLayout layout) {
        List<Detection> detections = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            ProductClass productClass = classMap.productClass(c.classIndex());
            if (productClass == null) {
                continue; // a class the product does not use
            }
            BoundingBox box = letterbox.toSource(c.box());
            if (box.area() > 0) {
                detections.add(new Detection(productClass, classMap.modelName(c.classIndex()), c.confidence(), box));
            }
        }
        // End-to-end models have done their own NMS; running it again could drop real neighbours.
        if (layout == ModelOutputLayout.END_TO_END) {
            detections.sort(Comparator.comparingDouble(Detection::confidence).reversed());
            return detections;
        }
        return nms.apply(detections);
    }

    private InputWorkspace borrow(int width, int height) {
        InputWorkspace ws = workspaces.computeIfAbsent(key(width, height), k -> new ConcurrentLinkedQueue<>()).poll();
        return ws != null ? ws : new InputWorkspace(width, height);
    }

    private void release(InputWorkspace ws) {
        if (closed) {
            ws.close();
        } else {
            workspaces.get(key(ws.width, ws.height)).offer(ws);
        }
    }

    private static long key(int width, int height) {
        return ((long) width << 32) | height;
    }

    public ClassMap classMap() {
        return classMap;
    }

    public Path modelPath() {
        return modelPath;
    }

    /** Frees the session and the pooled buffers; call after every camera has stopped detecting. */
    @Override
    public void close() {
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("Closing detector {} failed: {}", modelPath, e.getMessage());
        }
        workspaces.values().forEach(q -> {
            InputWorkspace ws;
            while ((ws = q.poll()) != null) {
                ws.close();
            }
        });
    }
}

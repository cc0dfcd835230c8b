package io.hardhats.cameras;

import jakarta.validation.Valid;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.hardhats.web.ApiException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Everyone in the organisation sees its cameras; only admins configure them. */
@RestController
@RequestMapping("/api/v1/cameras")
public record CameraController(CameraService cameras, CameraTools tools) {

    private static final String FILE_PART = "file";

    @GetMapping
    public List<CameraView> list() {
        return cameras.list();
    }

    @GetMapping("/presets")
    public CameraPresets presets() {
        return CameraPresets.STANDARD;
    }

    @GetMapping("/{id}")
    public CameraView get(@PathVariable UUID id) {
        return cameras.get(id);
    }

    @PostMapping
    public ResponseEntity<CameraView> create(@Valid @RequestBody CameraRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cameras.create(request));
    }

    @PutMapping("/{id}")
    public CameraView update(@PathVariable UUID id, @Valid @RequestBody CameraRequest request) {
        return cameras.update(id, request);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        cameras.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Opens the source once with the stored credentials; a failing camera is answered with 200 and ok=false. */
    @PostMapping("/{id}/test")
    public CameraTestResult test(@PathVariable UUID id) {
        return tools.test(id);
    }

    /** The same test on an unsaved form: the body is the one create takes, and nothing is saved. */
    @PostMapping("/test")
    public CameraTestResult testUnsaved(@Valid @RequestBody CameraRequest request) {
        return tools.testUnsaved(request);
    }

    /**
     * A placeholder video (multipart field {@code file}, at most 200 MB) that must decode as video.
     * Multipart bodies are parsed lazily, so the body is read only when the tools ask for the file,
     * once the organisation's probe turn is taken.
     */
    @PostMapping(path = "/{id}/placeholder", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schemaProperties = @SchemaProperty(name = FILE_PART,
                    schema = @Schema(type = "string", format = "binary"))))
    public CameraTools.PlaceholderUpload placeholder(@PathVariable UUID id, MultipartHttpServletRequest request) {
        return tools.uploadPlaceholder(id, () -> Optional.ofNullable(request.getFile(FILE_PART))
                .orElseThrow(() -> ApiException.badRequest("missing multipart part '" + FILE_PART + "'")));
    }
}
